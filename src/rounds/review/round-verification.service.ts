// Verification of a confirmed round (核验): every result recomputed from its stored inputs,
// its input hash and result digest compared, the chain recomputed link by link and its end
// compared with the round's chain head. Reads nothing mutable besides the sealed rows.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import { RoundResultsRepository } from '../round-results.repository.js';
import { isAwarded } from '../round-scoring.js';
import { RoundsService } from '../rounds.service.js';
import { chainHash, linkMismatches, type Mismatch } from './round-chain.js';

export interface RoundVerification {
  ok: boolean;
  checked: number;
  mismatches: Mismatch[];
  /** The round's stored chain head (null before confirmation). */
  chainHead: string | null;
}

@Injectable()
export class RoundVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
  ) {}

  async verify(principal: Principal, roundId: string): Promise<RoundVerification> {
    return verifyRound(this.dataSource, await this.rounds.get(principal, roundId));
  }
}

/** The verification of a round from its sealed rows (also used by `scorecard round verify`). */
export async function verifyRound(db: Pick<DataSource, 'query'>, round: Pick<RatingRoundRecord, 'id' | 'level' | 'status' | 'chainHead'>): Promise<RoundVerification> {
  const rows = await new RoundResultsRepository(db).chain(round.id);
  const mismatches: Mismatch[] = [];
  let previous: string | null = null;
  rows.forEach((row, i) => {
    const reasons = linkMismatches(
      { stationCode: row.station_code, seq: row.seq, inputs: row.inputs, inputHash: row.input_hash.trim(), resultDigest: row.result_digest.trim(), previousHash: row.previous_hash?.trim() ?? null, chainHash: row.chain_hash.trim(), result: row.result, total: row.total, stars: row.stars, awarded: row.awarded },
      previous,
      i + 1,
      (result) => isAwarded(result, round.level),
    );
    for (const reason of reasons) mismatches.push({ stationCode: row.station_code, reason });
    // The chain goes on from the hash of what is stored, so one bad link is named once.
    previous = chainHash(previous, row.seq, row.station_code, row.input_hash.trim(), row.result_digest.trim());
  });
  const head = round.chainHead?.trim() ?? null;
  if (round.status === 'CONFIRMED' && previous !== head) mismatches.push({ stationCode: '', reason: `the recomputed chain ends in ${previous ?? 'nothing'}, the round's chain head is ${head ?? 'empty'}` });
  if (round.status !== 'CONFIRMED' && rows.length > 0) mismatches.push({ stationCode: '', reason: `the round is ${round.status} but has ${rows.length} result(s)` });
  return { ok: mismatches.length === 0, checked: rows.length, mismatches, chainHead: head };
}
