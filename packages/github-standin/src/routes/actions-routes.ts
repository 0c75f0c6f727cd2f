// A workflow job's log (https://docs.github.com/en/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run):
// GitHub answers 302 to a short-lived storage URL. The stand-in redirects to the
// `logUrl` a test gave the check run (an Actions job's id is its check run's id).
import type { Route } from '../route-table.js';
import { notFound } from '../route-table.js';
import { pullsOf } from './pull-store.js';

export const actionsRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
    handle(request, store) {
      const repository = store.repository(request.params.owner ?? '', request.params.repo ?? '');
      if (repository === undefined) return notFound();
      const run = pullsOf(repository).checkRuns.find((r) => r.id === Number(request.params.job_id));
      if (run?.logUrl === undefined) return notFound();
      return { status: 302, headers: { location: run.logUrl } };
    },
  },
];
