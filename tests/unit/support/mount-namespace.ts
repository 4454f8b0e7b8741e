// Runs shell commands as root inside a private mount namespace (unshare --mount --propagation private):
// whatever they mount over /etc/resolv.conf, /etc or /run exists only there and is gone when they exit, so
// tests can write "/etc/resolv.conf" for real without touching this machine's own.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

function reason(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs Linux and root (private mount namespaces)'
  const scratch = mkdtempSync(path.join(tmpdir(), 'netmend-overlay-check-'))
  try {
    // Overlay on /etc lets a test turn /etc/resolv.conf into a symlink inside the namespace only.
    const probe = `mkdir ${scratch}/u ${scratch}/w && mount -t overlay overlay -o lowerdir=/etc,upperdir=${scratch}/u,workdir=${scratch}/w /etc && mount -t tmpfs tmpfs /run`
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', probe], { stdio: 'ignore', timeout: 10_000 })
    return undefined
  } catch {
    return 'unshare --mount with overlay and tmpfs mounts does not work here'
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** undefined when private mount namespaces (with overlay and tmpfs) work here; otherwise why not. */
export const mountNamespaceUnavailable = reason()

export interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface InNamespace {
  child: ChildProcess
  finished: Promise<Finished>
  /** Resolves when stdout has shown `marker` (a step announcing that it paused); rejects if it exits first. */
  printed(marker: string): Promise<void>
  /** SIGKILL to every process of the namespace's command (it runs in a process group of its own). */
  kill(): void
}

/** Starts `shell` (sh -c) in a fresh private mount namespace. */
export function startInPrivateMounts(shell: string): InNamespace {
  const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', shell], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const finished = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return {
    child,
    finished,
    printed: (marker) =>
      new Promise<void>((resolve, reject) => {
        const look = (): void => {
          if (stdout.includes(marker)) resolve()
        }
        child.stdout!.on('data', look)
        look()
        void finished.then((done) => reject(new Error(`exited before printing ${marker}: ${done.stderr}`)))
      }),
    kill: () => process.kill(-child.pid!, 'SIGKILL'),
  }
}

/**
 * Shell that gives the namespace its own /etc (an overlay whose changes land in a scratch folder) and its
 * own empty /run: files a step creates beside /etc/resolv.conf, or leaves there when it is killed, never
 * reach this machine's /etc.
 */
export function privateEtcAndRun(): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'netmend-etc-'))
  return `mkdir ${scratch}/u ${scratch}/w && mount -t overlay overlay -o lowerdir=/etc,upperdir=${scratch}/u,workdir=${scratch}/w /etc && mount -t tmpfs tmpfs /run`
}

/** Runs `shell` in a fresh private mount namespace to the end. */
export function inPrivateMounts(shell: string): Promise<Finished> {
  return startInPrivateMounts(shell).finished
}
