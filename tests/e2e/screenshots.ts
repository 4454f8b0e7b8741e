// Where the suite saves what it saw. The pictures in docs/screenshots are README's; an ordinary test run
// must not rewrite tracked files, so it saves into out/ and only NETMEND_UPDATE_SCREENSHOTS=1 replaces README's.
import { join } from 'node:path'

const folder = process.env.NETMEND_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : join('out', 'screenshots')

export const screenshotPath = (name: string): string => join(folder, name)
