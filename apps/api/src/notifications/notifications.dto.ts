import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, ValidateNested } from 'class-validator';
import { NotificationSettings, ReminderKind, UpdateNotificationSettingsRequest } from '@irm/contracts';
import { IsVersion } from '../common/dto';

const KIND_DESCRIPTIONS: Record<ReminderKind, string> = {
  [ReminderKind.TaskReminder]: "At a task's reminder time, to its assignee",
  [ReminderKind.SlaOverdue]: 'When an item you own passes its stage SLA',
  [ReminderKind.SlaEscalation]: 'Managers: an item still overdue some working days later',
  [ReminderKind.EventFollowUp]: "After an event, about its contacts still in 'Met'",
  [ReminderKind.DailyDigest]: '07:30 on working days: movement, overdue items, own tasks',
};

/** Every kind must be named, each with true or false; an unknown kind is refused. */
export class ReminderKindsDto implements Record<ReminderKind, boolean> {
  @ApiProperty({ description: KIND_DESCRIPTIONS[ReminderKind.TaskReminder] })
  @IsBoolean()
  [ReminderKind.TaskReminder]!: boolean;

  @ApiProperty({ description: KIND_DESCRIPTIONS[ReminderKind.SlaOverdue] })
  @IsBoolean()
  [ReminderKind.SlaOverdue]!: boolean;

  @ApiProperty({ description: KIND_DESCRIPTIONS[ReminderKind.SlaEscalation] })
  @IsBoolean()
  [ReminderKind.SlaEscalation]!: boolean;

  @ApiProperty({ description: KIND_DESCRIPTIONS[ReminderKind.EventFollowUp] })
  @IsBoolean()
  [ReminderKind.EventFollowUp]!: boolean;

  @ApiProperty({ description: KIND_DESCRIPTIONS[ReminderKind.DailyDigest] })
  @IsBoolean()
  [ReminderKind.DailyDigest]!: boolean;
}

export class UpdateNotificationSettingsDto implements UpdateNotificationSettingsRequest {
  @ApiProperty({ type: ReminderKindsDto, description: 'Every reminder kind, true to receive it' })
  @IsObject()
  @ValidateNested()
  @Type(() => ReminderKindsDto)
  kinds!: ReminderKindsDto;

  @ApiProperty({ description: 'The version you read (0 before the first save); a stale one gets 409' })
  @IsVersion(0)
  version!: number;
}

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ type: ReminderKindsDto }) kinds!: ReminderKindsDto;
  @ApiProperty({ description: '0 until the first save' }) version!: number;
}
