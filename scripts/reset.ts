import { rmSync } from 'node:fs';
import path from 'node:path';
import { LOCAL_DATA_DIR } from './local/settings.ts';

/** `npm run reset`: wipes the local emulator data (stop `npm start` first). */
rmSync(LOCAL_DATA_DIR, { recursive: true, force: true });
console.log(`Removed ${path.resolve(LOCAL_DATA_DIR)}. The next npm start begins with empty data.`);
