import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsUUID } from 'class-validator';
import {
  EmailLanguage,
  EMAIL_LANGUAGES,
  EmailMessage,
  EmailStatus,
  EmailTemplateKey,
  Page,
  RecordSubjectType,
  RetryEmailRequest,
} from '@irm/contracts';
import { IsVersion } from '../common/dto';
import { PageQueryDto } from '../common/pagination';

export class EmailLogQueryDto extends PageQueryDto {
  @ApiProperty({ enum: RecordSubjectType })
  @IsEnum(RecordSubjectType)
  subjectType!: RecordSubjectType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;
}

export class RetryEmailDto implements RetryEmailRequest {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsVersion()
  version!: number;
}

export class EmailMessageDto implements EmailMessage {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EmailTemplateKey }) templateKey!: EmailTemplateKey;
  @ApiProperty({ enum: EMAIL_LANGUAGES }) language!: EmailLanguage;
  @ApiProperty() recipientEmail!: string;
  @ApiProperty({ type: String, nullable: true }) recipientName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recipientUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recipientContactId!: string | null;
  @ApiProperty({ enum: RecordSubjectType, nullable: true }) subjectType!: RecordSubjectType | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId!: string | null;
  @ApiProperty({ description: 'The Subject header' }) subject!: string;
  @ApiProperty({ enum: EmailStatus }) status!: EmailStatus;
  @ApiProperty({ description: 'SMTP attempts started, including any a crash cut short' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ description: 'Message-ID header, the same on every attempt' }) messageId!: string;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's id for the accepted message" })
  smtpMessageId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class EmailMessagePageDto implements Page<EmailMessageDto> {
  @ApiProperty({ type: [EmailMessageDto] }) items!: EmailMessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
