// Reads a small system file (hosts, a proxy settings file) that anyone with the right account may have
// filled with anything: an ordinary file only (a FIFO with no writer would wait forever, a device would
// never end), and never more than the caller's limit.
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { failure, type Result } from '../../shared/result'

export type BoundedReadCode = 'file.missing' | 'file.unreadable' | 'file.not-a-file' | 'file.too-large'

export async function readBoundedFile(path: string, maxBytes: number): Promise<Result<{ text: string }, BoundedReadCode>> {
  let handle
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before we can see that it is one.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return failure(code === 'ENOENT' ? 'file.missing' : 'file.unreadable', code ?? '')
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) return failure('file.not-a-file', '')
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxBytes || info.size > maxBytes) return failure('file.too-large', String(maxBytes))
    return { ok: true, text: buffer.subarray(0, bytesRead).toString('utf8') }
  } catch (error) {
    return failure('file.unreadable', (error as NodeJS.ErrnoException).code ?? '')
  } finally {
    await handle.close()
  }
}
