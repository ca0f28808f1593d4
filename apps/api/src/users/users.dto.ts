import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import {
  CreateUserRequest,
  Language,
  LANGUAGES,
  Page,
  ResendInvitationRequest,
  Role,
  UpdateUserRequest,
  User,
} from '@irm/contracts';
import { IsVersion, RequiredText } from '../common/dto';
import { PageQueryDto } from '../common/pagination';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy';

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name or email, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @RequiredText(200)
  name!: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({ minLength: 12, description: 'Required unless `invite` is true' })
  @ValidateIf((body: CreateUserDto) => body.invite !== true || body.password !== undefined)
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiPropertyOptional({
    description: 'Without a password: email an invitation link with which the person chooses their own',
  })
  @IsOptional()
  @IsBoolean()
  invite?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ResendInvitationDto implements ResendInvitationRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserDto implements User {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Invited and has not chosen a password yet' }) pendingInvitation!: boolean;
}

export class UserPageDto implements Page<UserDto> {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
