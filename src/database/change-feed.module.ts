import { Global, Module } from '@nestjs/common';
import { ChangeFeed } from './change-feed.js';

/** The one LISTEN connection of an API process, for every module that keeps data in memory. */
@Global()
@Module({
  providers: [ChangeFeed],
  exports: [ChangeFeed],
})
export class ChangeFeedModule {}
