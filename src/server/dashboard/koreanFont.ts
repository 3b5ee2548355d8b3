import fs from 'node:fs';
import path from 'node:path';
import type { Router } from 'express';
import { projectRoot } from '../../config';
import { sendProjectFile } from '../pages';

/**
 * Noto Sans KR (@fontsource/noto-sans-kr, SIL Open Font License 1.1) served by this server, so Korean names render on
 * a machine without a CJK font and without reaching any other host. Only what the pages use: weights 400 and 700
 * (600 draws with 700) and only the Korean slices (Hangul, Hanja, full-width forms), each with its unicode-range, so
 * a browser fetches just the slices of the characters on screen; Latin text stays in the system font.
 */
export const KOREAN_FONT_FAMILY = 'Noto Sans KR';
const WEIGHTS = [400, 700];
/** The numbered slices are the Korean ones; latin, latin-ext, cyrillic and vietnamese are left to system fonts. */
const KOREAN_SLICE = /^noto-sans-kr-\d+-(\d+)-normal\.woff2$/;

const packageDir = () =>
  path.dirname(require.resolve('@fontsource/noto-sans-kr/package.json', { paths: [projectRoot] }));

/** The stylesheet's @font-face rules for the Korean slices of the weights used, and the files they name. */
export function koreanFontFaces(): { css: string; files: Map<string, string> } {
  const dir = packageDir();
  const files = new Map<string, string>();
  const faces: string[] = [];
  for (const weight of WEIGHTS) {
    const css = fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !range || !KOREAN_SLICE.test(file)) continue;
      files.set(file, path.join(dir, 'files', file));
      faces.push(
        '@font-face {\n' +
          `  font-family: '${KOREAN_FONT_FAMILY}';\n  font-style: normal;\n  font-display: swap;\n` +
          `  font-weight: ${weight};\n  src: url(./${file}) format('woff2');\n  unicode-range: ${range};\n}`,
      );
    }
  }
  if (faces.length === 0) throw new Error(`@fontsource/noto-sans-kr in ${dir} has no Korean slices`);
  const header = `/* ${KOREAN_FONT_FAMILY} (@fontsource/noto-sans-kr), SIL Open Font License 1.1: ./OFL.txt */\n`;
  return { css: header + faces.join('\n'), files };
}

/**
 * Adds GET fonts/noto-sans-kr.css, fonts/<slice>.woff2 (only the slices the stylesheet names) and fonts/OFL.txt (the
 * licence that travels with the font) to a page's router.
 */
export function serveKoreanFont(router: Router): Router {
  const { css, files } = koreanFontFaces();
  const licence = path.join(packageDir(), 'LICENSE');
  router.get('/fonts/noto-sans-kr.css', (_request, response) => {
    response.set('Cache-Control', 'public, max-age=3600');
    response.type('text/css; charset=utf-8').send(css);
  });
  router.get('/fonts/OFL.txt', (_request, response) => {
    sendProjectFile(response.type('text/plain; charset=utf-8'), licence, { maxAge: '1d' });
  });
  router.get('/fonts/:file', (request, response, next) => {
    const file = files.get(String(request.params.file));
    if (file) sendProjectFile(response.type('font/woff2'), file, { maxAge: '30d' });
    else next();
  });
  return router;
}
