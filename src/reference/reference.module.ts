import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { RegionsController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

@Module({ imports: [RegionsModule], controllers: [RegionsController], providers: [ReferenceService] })
export class ReferenceModule {}
