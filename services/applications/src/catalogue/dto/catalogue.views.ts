import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { PageOf } from '@technopark/platform';
import { AuditView } from '../../common/audit.view';
import { CreateCallDto } from './call.dto';
import { CreateProgramDto } from './program.dto';

export class ProgramView extends IntersectionType(CreateProgramDto, AuditView) {}

class CallProgram {
  @ApiProperty({ example: 'incubation' })
  programId!: string;
}

export class CallView extends IntersectionType(CreateCallDto, CallProgram, AuditView) {}

export class ProgramPage extends PageOf(ProgramView) {}

export class CallPage extends PageOf(CallView) {}
