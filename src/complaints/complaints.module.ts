import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller.js';
import { MediationAveragesController } from './mediation-averages.controller.js';
import { ComplaintsService } from './complaints.service.js';

@Module({ controllers: [ComplaintsController, MediationAveragesController], providers: [ComplaintsService], exports: [ComplaintsService] })
export class ComplaintsModule {}
