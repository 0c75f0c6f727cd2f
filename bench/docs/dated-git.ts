// git run in a generated benchmark repository with a fixed author and a chosen date, so the docs
// check's history rules see the same timeline on every run.
import { execFileSync } from 'node:child_process';

export function datedGit(root: string): (args: string[], date: string) => void {
  return (args, date) => {
    execFileSync('git', args, {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  };
}
