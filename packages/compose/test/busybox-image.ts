// A tiny image for the tests, built without a registry: `docker import` of a rootfs holding
// busybox-static and its applet links.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, copyFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const applets = ['sh', 'sleep', 'nc', 'httpd', 'true', 'false', 'echo', 'cat', 'wget', 'test', 'ls', 'touch', 'kill'];

export function buildBusyboxImage(tag: string): void {
  const root = mkdtempSync(join(tmpdir(), 'harness-busybox-'));
  try {
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'tmp'));
    mkdirSync(join(root, 'www'));
    copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
    chmodSync(join(root, 'bin', 'busybox'), 0o755);
    for (const applet of applets) symlinkSync('busybox', join(root, 'bin', applet));
    execSync(`tar -C ${root} -c . | docker import -c 'ENV PATH=/bin' - ${tag}`, { stdio: 'pipe' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function removeImage(tag: string): void {
  execFileSync('docker', ['rmi', '-f', tag], { stdio: 'pipe' });
}
