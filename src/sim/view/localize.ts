/**
 * The scene in the learner's language: the simulator's fixed descriptions (object types, glossed cell
 * paths, register roles, the call table's labels) through the terms catalogue. English scenes are left
 * exactly as built (the scene hashes are of English scenes).
 */
import type { Locale } from '../messages/format.ts';
import { formatPath, formatTerm } from '../messages/terms.ts';
import type { CallRegisterRow, Scene, SceneObject } from './types.ts';

function localizeObject(o: SceneObject, locale: Locale): SceneObject {
  return {
    ...o,
    name: o.role === 'anonymous' ? formatTerm(o.name, locale) : o.name,
    typeName: formatTerm(o.typeName, locale),
    rows: o.rows.map((r) =>
      r.cell === null ? r : { ...r, cell: { ...r.cell, path: formatPath(r.cell.path, locale) } },
    ),
  };
}

function localizeSide(side: CallRegisterRow['caller'], locale: Locale): CallRegisterRow['caller'] {
  return { ...side, label: formatTerm(side.label, locale) };
}

/** `scene` with its descriptions in `locale`. */
export function localizeScene(scene: Scene, locale: Locale): Scene {
  if (locale === 'en') return scene;
  return {
    ...scene,
    objects: scene.objects.map((o) => localizeObject(o, locale)),
    registers: scene.registers.map((r) => ({ ...r, role: formatTerm(r.role, locale) })),
    call:
      scene.call === null
        ? null
        : {
            ...scene.call,
            rows: scene.call.rows.map((r) => ({
              ...r,
              caller: localizeSide(r.caller, locale),
              callee: localizeSide(r.callee, locale),
            })),
          },
  };
}
