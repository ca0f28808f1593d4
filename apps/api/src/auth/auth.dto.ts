import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  AccountTokenInfo,
  AccountTokenPurpose,
  ApiTokenSummary,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  Language,
  LANGUAGES,
  LoginRequest,
  LoginResponse,
  Me,
  PasswordResetRequest,
  Role,
  SetPasswordWithTokenRequest,
  UpdateProfileRequest,
} from '@irm/contracts';
import { RequiredText, Trim } from '../common/dto';
import { MAX_PASSWORD_LENGTH } from './password-policy';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@irm.local' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class MeDto implements Me {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ enum: ['session', 'token'] }) via!: 'session' | 'token';
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ type: MeDto }) user!: MeDto;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() idleTimeoutMinutes!: number;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ example: 'Reporting spreadsheet' })
  @RequiredText(100)
  name!: string;
}

export class ApiTokenDto implements ApiTokenSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

export class ApiTokenListDto {
  @ApiProperty({ type: [ApiTokenDto] }) items!: ApiTokenDto[];
}

export class CreatedApiTokenDto extends ApiTokenDto implements CreatedApiToken {
  @ApiProperty({ description: 'Shown once; store it now.' }) token!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty({ example: 'an.nguyen@ipa.gov.vn' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class SetPasswordWithTokenDto implements SetPasswordWithTokenRequest {
  @ApiProperty({ description: 'The secret from the emailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class AccountTokenInfoDto implements AccountTokenInfo {
  @ApiProperty({ enum: AccountTokenPurpose }) purpose!: AccountTokenPurpose;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
