import { defineModule } from '../../platform/contract/define-module.js';
import { datasetRoutes } from './datasets/routes.js';
import { judgeRoutes } from './routes.js';
import { startJudgePool } from './judge-pool.js';
import { closeSqlPool } from './sql/sql-pool-of.js';

/**
 * The judge: coding runs in the bubblewrap sandbox (a pool of workers over judge_runs, in worker
 * processes) and SQL runs in throwaway PGlite databases (a thread pool started on first use).
 */
export const judgeModule = defineModule({
  name: 'judge',
  routes: [datasetRoutes, judgeRoutes],
  start(runtime) {
    const judgePool = runtime.config.workers ? startJudgePool(runtime) : undefined;
    return {
      async close() {
        await judgePool?.stop();
        await closeSqlPool(runtime);
      },
    };
  },
});
