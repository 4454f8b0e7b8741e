// A DNS server for the lab that keeps people waiting: it listens on the address given (a loopback address
// inside a lab namespace), announces every query on stdout ("query <name> from <address>"), and holds its
// answer until a line "answer" arrives on stdin; from then on it answers everything at once, held queries
// first. Every answer is "no such name" (NXDOMAIN), which counts as an answer. Plain Node, no packages: it
// runs as its own process inside the namespace.
import { Buffer } from 'node:buffer'
import dgram from 'node:dgram'
import process from 'node:process'
import readline from 'node:readline'

const [address = '127.0.0.2', port = '53'] = process.argv.slice(2)
const socket = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4')
const held = []
let answering = false

/** The first question's name, for the announcement. */
function questionName(message) {
  const labels = []
  for (let offset = 12; offset < message.length && message[offset] !== 0; offset += message[offset] + 1) {
    labels.push(message.subarray(offset + 1, offset + 1 + message[offset]).toString('latin1'))
  }
  return labels.join('.') || '.'
}

function answer({ message, peer }) {
  const reply = Buffer.from(message)
  reply[2] |= 0x80 // a response (QR), opcode and RD as asked
  reply[3] = 0x80 | 3 // recursion available, NXDOMAIN
  socket.send(reply, peer.port, peer.address)
}

socket.on('message', (message, peer) => {
  if (message.length < 12) return
  process.stdout.write(`query ${questionName(message)} from ${peer.address}\n`)
  if (answering) answer({ message, peer })
  else held.push({ message, peer })
})
socket.on('listening', () => process.stdout.write(`listening on ${address}:${port}\n`))
socket.bind(Number(port), address)

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'answer') return
  answering = true
  for (const query of held.splice(0)) answer(query)
})
