import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { todayIn } from '../domain/dates.js';
import type { IsoDate } from '../domain/station-data.js';
import type { RecomputeRunRecord, RecomputeTrigger } from './recompute-run.entity.js';
import { RecomputeRunsRepository } from './recompute-runs.repository.js';

export interface RecomputeRequest {
  /** Region (any level) whose stations are recomputed; null for every station. */
  scopeRegionCode: string | null;
  trigger: RecomputeTrigger;
  /** API key that asked; null for the system. */
  requestedBy: string | null;
  /** Defaults to today in the configured time zone. */
  cutOff?: IsoDate;
}

/**
 * Recompute runs: asking for one writes a QUEUED run; the recompute pipeline picks QUEUED
 * runs up, enqueues their chunks and keeps the counters. Callers never touch the queue.
 */
@Injectable()
export class RecomputeRunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(request: RecomputeRequest, manager: EntityManager = this.dataSource.manager): Promise<RecomputeRunRecord> {
    return new RecomputeRunsRepository(manager).insert({
      scopeRegionCode: request.scopeRegionCode,
      trigger: request.trigger,
      status: 'QUEUED',
      cutOff: request.cutOff ?? todayIn(this.config.timeZone),
      requestedBy: request.requestedBy,
    });
  }

  /**
   * A run with a given id, created with `status` the first time and found as it is on every
   * later call (a retried job asking for its run again).
   */
  async requestOnce(id: string, request: RecomputeRequest, status: 'QUEUED' | 'RUNNING', manager: EntityManager = this.dataSource.manager): Promise<RecomputeRunRecord> {
    const runs = new RecomputeRunsRepository(manager);
    await runs.insertOnce(id, { ...request, status, cutOff: request.cutOff ?? todayIn(this.config.timeZone) });
    return (await runs.find(id))!;
  }

  async get(id: string): Promise<RecomputeRunRecord | null> {
    return new RecomputeRunsRepository(this.dataSource).find(id);
  }

  /** Newest first. */
  async list(limit = 20): Promise<RecomputeRunRecord[]> {
    return new RecomputeRunsRepository(this.dataSource).newest(limit);
  }
}
