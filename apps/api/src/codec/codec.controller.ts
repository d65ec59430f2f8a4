import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Roles } from '../auth/auth.decorators';
import { CodecService } from './codec.service';
import { CodecPayloadsDto } from './dto/codec-payloads.dto';

/**
 * Temporal's remote codec protocol, for the Temporal UI (`--ui-codec-endpoint
 * <api>/codec`) and `temporal --codec-endpoint`: supervisors read payloads
 * decrypted in their browser while the Temporal server only stores ciphertext.
 * Supervisors (and admins) only: the UI passes the supervisor's access token
 * (its codec setting passAccessToken), the CLI takes `--codec-auth 'Bearer …'`.
 */
@ApiTags('codec')
@ApiBearerAuth()
@Roles('supervisor')
@SkipThrottle()
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Encrypt payloads (proto3 JSON) with the current key' })
  async encode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: await this.codec.encode(body.payloads) };
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decrypt payloads (proto3 JSON); plain payloads come back unchanged; 400 names one it cannot open' })
  async decode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: await this.codec.decode(body.payloads) };
  }
}
