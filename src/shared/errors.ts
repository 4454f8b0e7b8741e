// Every error code a person can be shown, as lists: the texts are keyed by these unions, so a code without
// words does not compile, and tests can walk every one of them.
import type { Failure } from './result'

export const TARGET_ERROR_CODES = ['target.empty', 'target.unsupported-scheme', 'target.invalid', 'target.port-zero'] as const
export type TargetErrorCode = (typeof TARGET_ERROR_CODES)[number]

/**
 * The settings file could not be read or parsed; its detail is the path, with the system's reason
 * (unreadable, not-json) or the size limit (too-large: "path|limit").
 */
export const CONFIG_FILE_ERROR_CODES = ['config.unreadable', 'config.not-a-file', 'config.too-large', 'config.not-json', 'config.not-an-object'] as const
/** A setting with a wrong value; its detail is the setting's name ("publicResolvers[0].address"). */
export const CONFIG_FIELD_ERROR_CODES = [
  'config.unknown-setting',
  'config.not-an-address',
  'config.empty-list',
  'config.not-a-resolver',
  'config.not-a-target',
  'config.empty-name',
  'config.bad-port',
  'config.not-http',
  'config.bad-budget',
  'config.bad-domain',
] as const
export type ConfigFieldErrorCode = (typeof CONFIG_FIELD_ERROR_CODES)[number]
export const CONFIG_ERROR_CODES = [...CONFIG_FILE_ERROR_CODES, ...CONFIG_FIELD_ERROR_CODES] as const
export type ConfigErrorCode = (typeof CONFIG_ERROR_CODES)[number]

/** How long a whole diagnosis may take, as the settings file may set it (and its error says). */
export const BUDGET_LIMITS_MS = { min: 500, max: 120_000 } as const

export const CLI_ERROR_CODES = [
  'cli.unknown-flag',
  'cli.missing-value',
  'cli.unknown-command',
  'cli.extra-argument',
  'cli.missing-server',
  'cli.unknown-dns-command',
] as const
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number]

/** Servers or connections named on the command line that NetMend does not know. */
export const DNS_CHOICE_ERROR_CODES = ['dns.unknown-server', 'dns.too-many-servers', 'dns.bad-adapter'] as const
export type DnsChoiceErrorCode = (typeof DNS_CHOICE_ERROR_CODES)[number]

/** Bad input: one line, exit status 2 on the command line, next to the field in the window. */
export const INPUT_ERROR_CODES = [...TARGET_ERROR_CODES, ...CONFIG_ERROR_CODES, ...CLI_ERROR_CODES, ...DNS_CHOICE_ERROR_CODES] as const
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number]

/** Why the window's Diagnose did not start. */
export type DiagnoseErrorCode = TargetErrorCode | 'diagnosis.busy'

export const DNS_SETTINGS_ERROR_CODES = [
  'dns-settings.bad-address',
  'dns-settings.no-servers',
  /** The window named a public resolver that is not configured. */
  'dns-settings.unknown-resolver',
  'dns-settings.unknown-adapter',
  'dns-settings.unsafe-name',
  /** The privileged side refused what it was handed (not on its fixed lists, or not in NetMend's own format). */
  'dns-settings.refused',
  'dns-settings.unreadable',
  'dns-settings.unsupported',
  'dns-settings.no-adapter',
  'dns-settings.snapshot-failed',
  'dns-settings.apply-failed',
  'dns-settings.verification-failed',
  'dns-settings.rollback-failed',
  'dns-settings.elevation-declined',
  'dns-settings.elevation-unavailable',
  'dns-settings.busy',
  'dns-settings.nothing-to-confirm',
  'dns-settings.adapter-gone',
  'dns-settings.flush-failed',
  'dns-settings.aborted',
  /** The data folder or a file in it could have been written by someone else: nothing in it is acted on. */
  'dns-settings.data-folder-unsafe',
  /** The data folder cannot be written (read-only, no permission, disk full): no change can be recorded. */
  'dns-settings.data-folder-unwritable',
  /** An interrupted change was undone, but the folder could not be written to note that. */
  'dns-settings.undone-not-noted',
  /** journal.json was damaged: the settings from before NetMend's first change were put back, the file set aside. */
  'dns-settings.journal-damaged',
  /** original.json was damaged: what was there before NetMend's first change cannot be put back; set aside. */
  'dns-settings.original-damaged',
] as const
export type DnsSettingsErrorCode = (typeof DNS_SETTINGS_ERROR_CODES)[number]
export type DnsSettingsFailure = Failure<DnsSettingsErrorCode>

/**
 * What went wrong in the app itself rather than in the network: the engine failed (a bug), a watch could not
 * check, a report could not be written. Their detail is technical (an error message or a system
 * code) and is never the whole sentence people read.
 */
export const APP_FAILURE_CODES = ['diagnosis.failed', 'watch.failed', 'report.not-saved'] as const
export type AppFailureCode = (typeof APP_FAILURE_CODES)[number]
export type AppFailure = Failure<AppFailureCode>
