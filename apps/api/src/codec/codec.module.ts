import { Module } from '@nestjs/common';
import { TemporalClientModule } from '@lib/temporal';
import { CodecController } from './codec.controller';
import { CodecService } from './codec.service';

@Module({
  imports: [TemporalClientModule],
  controllers: [CodecController],
  providers: [CodecService],
})
export class CodecModule {}
