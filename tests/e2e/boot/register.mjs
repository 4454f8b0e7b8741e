// `node --import ./register.mjs`: before the main bundle loads, 'electron' resolves to the recording
// stand-in (hooks.mjs), and every way of reaching the network or starting a process is replaced by one
// that records the attempt and throws. ESM named imports of built-ins are live bindings: after patching
// the modules, syncBuiltinESMExports() makes `import { spawn } from 'node:child_process'` see the refusal.
import childProcess from 'node:child_process'
import dgram from 'node:dgram'
import dns from 'node:dns'
import http from 'node:http'
import http2 from 'node:http2'
import https from 'node:https'
import { register, syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import tls from 'node:tls'
import workerThreads from 'node:worker_threads'

const boot = {
  home: process.env.NETMEND_BOOT_HOME,
  calls: [],
  refused: [],
  errors: [],
  windows: [],
  ipcHandlers: [],
  permissions: {},
  menu: { set: false, template: null },
  notifications: [],
  trays: [],
  refuse(what) {
    boot.refused.push(what)
    throw new Error(`refused by the boot test: ${what}`)
  },
}
globalThis.netmendBoot = boot
// Where an installed app's resources are (Electron sets it; plain Node does not).
process.resourcesPath ??= '/opt/NetMend/resources'
// NETMEND_BOOT_PLATFORM plays another OS for the app's own platform checks (menus, Windows' app id).
if (process.env.NETMEND_BOOT_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.NETMEND_BOOT_PLATFORM })

const refusing = (what) =>
  function refused() {
    return boot.refuse(what)
  }
const refuseAll = (target, names, prefix) => {
  for (const name of names) if (typeof target[name] === 'function') target[name] = refusing(`${prefix}.${name}`)
}

refuseAll(childProcess, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process')
refuseAll(workerThreads, ['Worker'], 'worker_threads')
refuseAll(net, ['connect', 'createConnection'], 'net')
refuseAll(net.Socket.prototype, ['connect'], 'net.Socket')
refuseAll(net.Server.prototype, ['listen'], 'net.Server')
refuseAll(dgram.Socket.prototype, ['bind', 'send', 'connect'], 'dgram.Socket')
refuseAll(tls, ['connect'], 'tls')
refuseAll(http, ['request', 'get'], 'http')
refuseAll(https, ['request', 'get'], 'https')
refuseAll(http2, ['connect'], 'http2')
const dnsQueries = (target) => Object.getOwnPropertyNames(target).filter((name) => /^(lookup|resolve|reverse)/.test(name))
refuseAll(dns, dnsQueries(dns), 'dns')
refuseAll(dns.promises, dnsQueries(dns.promises), 'dns.promises')
refuseAll(dns.Resolver.prototype, dnsQueries(dns.Resolver.prototype), 'dns.Resolver')
refuseAll(dns.promises.Resolver.prototype, dnsQueries(dns.promises.Resolver.prototype), 'dns.promises.Resolver')
globalThis.fetch = refusing('fetch')
globalThis.WebSocket = refusing('WebSocket')
syncBuiltinESMExports()

process.on('uncaughtException', (error) => boot.errors.push(`uncaught: ${error?.stack ?? error}`))
process.on('unhandledRejection', (error) => boot.errors.push(`unhandled rejection: ${error?.stack ?? error}`))

register('./hooks.mjs', import.meta.url)
