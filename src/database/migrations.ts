// Committed migrations, in order. `npx scorecard migrate generate <Name>` writes a new file
// under migrations/ and adds it here.
import type { MigrationInterface } from 'typeorm';
import { CompactScoreSnapshots1796551011562 } from '../../migrations/1796551011562-CompactScoreSnapshots.js';
import { RegionScoreAggregates1796551836131 } from '../../migrations/1796551836131-RegionScoreAggregates.js';
import { DepartedStaffAndCaseDates1796530183721 } from '../../migrations/1796530183721-DepartedStaffAndCaseDates.js';
import { EvidenceFiles1796541390155 } from '../../migrations/1796541390155-EvidenceFiles.js';
import { OutboxRelayWakeUp1796551500000 } from '../../migrations/1796551500000-OutboxRelayWakeUp.js';
import { InitialSchema1795265484071 } from '../../migrations/1795265484071-InitialSchema.js';
import { RatingRounds1796541603606 } from '../../migrations/1796541603606-RatingRounds.js';
import { RoundResultsSealed1796542417182 } from '../../migrations/1796542417182-RoundResultsSealed.js';
import { RecomputeRunChunksAndHashedCheckNames1795266870272 } from '../../migrations/1795266870272-RecomputeRunChunksAndHashedCheckNames.js';
import { ScoreDataNotifications1795269269281 } from '../../migrations/1795269269281-ScoreDataNotifications.js';
import { StationDataNotifications1795276636049 } from '../../migrations/1795276636049-StationDataNotifications.js';
import { ApiKeyNotifications1795281000000 } from '../../migrations/1795281000000-ApiKeyNotifications.js';
import { ScopedChangeNotifications1796551017877 } from '../../migrations/1796551017877-ScopedChangeNotifications.js';
import { RecomputeRunNotifiesNoStations1796560000000 } from '../../migrations/1796560000000-RecomputeRunNotifiesNoStations.js';
export const MIGRATIONS: MigrationClass[] = [
  InitialSchema1795265484071,
  RecomputeRunChunksAndHashedCheckNames1795266870272,
  ScoreDataNotifications1795269269281,
  StationDataNotifications1795276636049,
  ApiKeyNotifications1795281000000,
  DepartedStaffAndCaseDates1796530183721,
  EvidenceFiles1796541390155,
  RatingRounds1796541603606,
  RoundResultsSealed1796542417182,
  CompactScoreSnapshots1796551011562,
  ScopedChangeNotifications1796551017877,
  OutboxRelayWakeUp1796551500000,
  RegionScoreAggregates1796551836131,
  RecomputeRunNotifiesNoStations1796560000000,
];

type MigrationClass = new () => MigrationInterface;
