import { Injectable } from '@nestjs/common';
import { MIN_PASSWORD_LENGTH } from '@irm/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn scores 0-4; 3 means "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

/** Rejects short passwords and those a strength estimator finds easy to guess (common words, patterns, the user's own name). */
@Injectable()
export class PasswordPolicy {
  private readonly zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });

  /** Returns why the password is not acceptable, or null when it is. */
  check(password: string, userInputs: string[] = []): string | null {
    if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
    if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
    const inputs = userInputs.flatMap((input) => [input, ...input.split(/[@.\s]+/)]).filter((s) => s.length >= 3);
    const result = this.zxcvbn.check(password, inputs);
    if (result.score >= MIN_SCORE) return null;
    const hint = result.feedback.warning ?? result.feedback.suggestions[0];
    return `is too easy to guess${hint ? `: ${hint.replace(/\.$/, '').toLowerCase()}` : ''}`;
  }
}
