/**
 * Reads Pulse's settings from the environment and the optional JSON file named by
 * PULSE_CONFIG_FILE (environment wins), then validates them (@pulse/core config).
 */
import { readFileSync } from 'node:fs';
import { PulseError, isSettingName, parseConfig, type Config } from '@pulse/core';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && isSettingName(name)) fromEnv[name] = value;
  }
  const file = fromEnv.PULSE_CONFIG_FILE?.trim();
  const fromFile = file ? readConfigFile(file) : {};
  return parseConfig({ ...fromFile, ...fromEnv });
}

function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new PulseError('CONFIG_FILE_INVALID', {
      message: `The configuration file ${path} cannot be read as JSON: ${(cause as Error).message}`,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PulseError('CONFIG_FILE_INVALID', {
      message: `The configuration file ${path} is not a JSON object.`,
    });
  }
  const unknown = Object.keys(parsed).filter((key) => !isSettingName(key));
  if (unknown.length > 0) {
    throw new PulseError('CONFIG_FILE_INVALID', {
      message: `The configuration file ${path} has unknown settings: ${unknown.join(', ')}.`,
      hint: 'Setting names are the environment variable names listed in docs/configuration.md, e.g. "PORT".',
    });
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed))
    values[key] = typeof value === 'number' ? String(value) : value;
  return values;
}
