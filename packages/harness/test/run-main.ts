// Runs the CLI's main() in this process with captured output, as the bin would in `cwd`.
import { main } from '../src/main.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], cwd: string): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    isTTY: false,
    env: {},
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
