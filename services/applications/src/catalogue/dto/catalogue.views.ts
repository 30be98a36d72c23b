import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { AuditView, PageInfo } from '../../common/audit.view';
import { CreateCallDto } from './call.dto';
import { CreateProgramDto } from './program.dto';

export class ProgramView extends IntersectionType(CreateProgramDto, AuditView) {}

class CallProgram {
  @ApiProperty({ example: 'incubation' })
  programId!: string;
}

export class CallView extends IntersectionType(CreateCallDto, CallProgram, AuditView) {}

export class ProgramPage extends PageInfo {
  @ApiProperty({ type: [ProgramView] })
  items!: ProgramView[];
}

export class CallPage extends PageInfo {
  @ApiProperty({ type: [CallView] })
  items!: CallView[];
}
