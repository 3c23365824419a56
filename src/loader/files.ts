import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { EssayError, formatPlace, type Place } from '../lib/essay-error.ts';
import { closest } from '../lib/suggest.ts';

/** The folders an essay may read files from, absolute and with symlinks resolved. */
export interface EssayFolders {
  /** The essay's own folder. */
  essay: string;
  /** The site's content/ folder (bibliographies or images shared by several essays). */
  content: string;
  /** Files served as they are (`/images/x.png` in an essay is public/images/x.png). */
  public: string;
}

export function essayFolders(essayDir: string, contentDir: string, publicDir: string): EssayFolders {
  const real = (dir: string) => {
    try {
      return realpathSync(dir);
    } catch {
      return path.resolve(dir);
    }
  };
  return { essay: real(essayDir), content: real(contentDir), public: real(publicDir) };
}

/** What an essay names a file for, in messages. */
export type FileRole = 'bibliography' | 'image';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The file an essay names, resolved and checked: sites are built by CI from
 * essays other people send, so an essay may read only files in its own
 * folder, the site's content/ folder or public/ (after following symlinks),
 * and never a URL where a file is expected. A path starting with `/` means a
 * file of the site (under public/) for images; a bibliography must be
 * relative to the essay. Returns the real, absolute path, or throws naming
 * `index.md:line`, the path and the rule.
 */
export function resolveEssayFile(written: string, role: FileRole, folders: EssayFolders, from: Place, base = '/'): string {
  const rule = 'an essay may only read files inside its own folder, the site’s content/ folder or public/';
  if (URL_SCHEME.test(written) || written.startsWith('//')) {
    throw new EssayError(from, `${role} "${written}" is a URL; the ${role} must be a file beside the essay (${rule}).`);
  }
  const siteAbsolute = role === 'image' && written.startsWith('/') && !written.startsWith('//');
  if (!siteAbsolute && (path.isAbsolute(written) || /^[A-Za-z]:[\\/]/.test(written))) {
    throw new EssayError(
      from,
      `${role} "${written}" is an absolute path; name the file relative to the essay, e.g. "references.bib" (${rule}).`,
    );
  }
  // Under the base `/essays-site/`, `/essays-site/images/map.png` is public/images/map.png, as `/images/map.png` is.
  const fromRoot = siteAbsolute && base !== '/' && written.startsWith(base) ? `/${written.slice(base.length)}` : written;
  const decoded = safeDecode(fromRoot.split(/[?#]/)[0]!);
  const resolved = siteAbsolute ? path.join(folders.public, decoded) : path.resolve(folders.essay, decoded);
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    const shown = siteAbsolute ? `public${decoded}` : path.relative(folders.essay, resolved) || decoded;
    throw new EssayError(
      from,
      role === 'bibliography'
        ? `bibliography file ${shown} does not exist${bibliographyHint(written, path.dirname(resolved))}`
        : `image "${written}" does not exist (looked for ${siteAbsolute ? shown : formatPlace({ file: resolved })}); put the image beside the essay, or under public/ and write its path from the site's root (/images/map.png).`,
    );
  }
  const inside = [folders.essay, folders.content, folders.public].some((dir) => real === dir || real.startsWith(dir + path.sep));
  if (!inside) {
    const how = real === resolved ? 'resolves to' : 'is a link to';
    throw new EssayError(from, `${role} "${written}" ${how} ${formatPlace({ file: real })}, outside the essay's folder; ${rule}.`);
  }
  return real;
}

/**
 * What to name instead of a .bib that does not exist: the .bib files in the
 * folder it was looked for in, the likeliest first (one close to the name
 * written, or the only one there).
 */
function bibliographyHint(written: string, dir: string): string {
  let found: string[];
  try {
    found = readdirSync(dir)
      .filter((name) => /\.bib$/i.test(name))
      .sort();
  } catch {
    found = [];
  }
  if (found.length === 0) return '; put the .bib beside the essay and name it in the frontmatter (bibliography: references.bib).';
  // Written as it was, folder and all (`../shared/x.bib`): only the file's name is replaced.
  const beside = (name: string) => written.replace(/[^/\\]*$/, name);
  const guess = closest(path.basename(written), found) ?? (found.length === 1 ? found[0] : undefined);
  const others = found.filter((name) => name !== guess);
  const also = others.length > 0 ? ` (the folder also has ${others.join(', ')})` : '';
  if (guess !== undefined) return ` — did you mean ${beside(guess)}? Write \`bibliography: ${beside(guess)}\`${also}.`;
  return `; the folder has ${found.join(', ')}: name the one meant, such as \`bibliography: ${beside(found[0]!)}\`.`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
