// npm install / npm ci: use the repository's own hooks (.githooks), when this is a git checkout at all.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (existsSync('.git')) execFileSync('git', ['config', 'core.hooksPath', '.githooks'], { stdio: 'inherit' })
