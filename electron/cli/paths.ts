import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The bundle runs from dist/cli/, two levels below the folder holding resources/ and the migrations. */
export const appRoot = () => resolve(__dirname, '..', '..');

/** `~/.motcua` unless MOTCUA_DATA_DIR moves it. */
export const dataDir = () => process.env.MOTCUA_DATA_DIR ?? join(homedir(), '.motcua');
