import { refuse } from './errors';

/**
 * Rewards that are worn (seed 003: 社群等级/身份标识、头像框; 004: 专属标识): a title (称号) shown
 * beside the nickname and an avatar frame (头像框), each bought in the mall, some for N days. A
 * member owns at most one of each reward (buying it again extends the days) and wears at most one
 * title and one frame, chosen among those owned. Expiry needs no job: what has run out is simply
 * not worn, and is dropped from the wardrobe the next time the wardrobe is written.
 */
export type WearableKind = 'title' | 'frame';

/** The frames the app can draw, by key (a closed set: the client draws each one). */
export const FRAME_LOOKS = { gold: '鎏金', jade: '翡翠', rose: '樱粉', ink: '墨韵' } as const;
export type FrameLook = keyof typeof FRAME_LOOKS;
export const isFrameLook = (look: string): look is FrameLook => Object.hasOwn(FRAME_LOOKS, look);

/** A title is short, to sit beside a nickname on a phone. */
export const TITLE_MAX_CHARS = 6;
/** Bounds the member document, whatever the member buys. */
export const WARDROBE_MAX = 20;

/** What a worn reward item says: the title's words or the frame's look, and for how long. */
export interface Wear {
  look: string;
  /** Days it is worn from redeeming; null for good. */
  days: number | null;
}

/** One owned wearable, keyed by the item it came from. */
export interface Wearable {
  itemId: string;
  kind: WearableKind;
  look: string;
  /** When it stops being worn; null for good. */
  until: string | null;
}

/** Which owned wearable (by item id) the member chose to wear, per kind. */
export type Wearing = Partial<Record<WearableKind, string | null>>;

/** What others see beside a member's name now. */
export interface Worn {
  title: string | null;
  frame: FrameLook | null;
}

export const NOTHING_WORN: Worn = { title: null, frame: null };

export const isWearableKind = (kind: string): kind is WearableKind => kind === 'title' || kind === 'frame';

const current = (w: Wearable, now: Date) => w.until === null || Date.parse(w.until) > now.getTime();

/** The wardrobe without what has run out. */
export const wardrobeNow = (wardrobe: readonly Wearable[] | undefined, now: Date): Wearable[] =>
  (wardrobe ?? []).filter((w) => current(w, now));

/** What a member wears now: the chosen ones still owned and not run out. */
export function wornNow(member: { wardrobe?: readonly Wearable[]; wearing?: Wearing | null }, now: Date): Worn {
  const owned = wardrobeNow(member.wardrobe, now);
  const chosen = (kind: WearableKind) => owned.find((w) => w.kind === kind && w.itemId === member.wearing?.[kind]);
  const frame = chosen('frame')?.look;
  return { title: chosen('title')?.look ?? null, frame: frame && isFrameLook(frame) ? frame : null };
}

/**
 * The wardrobe after redeeming a worn reward, and what is worn then: the new one at once. Buying
 * one already owned for a time extends it from when it would run out; one owned for good cannot
 * be bought again.
 */
export function wardrobeAfterRedeem(
  member: { wardrobe?: readonly Wearable[]; wearing?: Wearing | null },
  item: { id: string; kind: WearableKind; wear: Wear },
  now: Date,
): { wardrobe: Wearable[]; wearing: Wearing } {
  const owned = wardrobeNow(member.wardrobe, now);
  const held = owned.find((w) => w.itemId === item.id);
  if (held && held.until === null) refuse('ALREADY_DONE', item.kind === 'title' ? '你已经拥有这个称号了' : '你已经拥有这个头像框了');
  const from = held?.until ? Date.parse(held.until) : now.getTime();
  const until = item.wear.days === null ? null : new Date(from + item.wear.days * 86_400_000).toISOString();
  const wearable: Wearable = { itemId: item.id, kind: item.kind, look: item.wear.look, until };
  const others = owned.filter((w) => w.itemId !== item.id);
  if (others.length >= WARDROBE_MAX) refuse('LIMIT_REACHED', `装扮最多 ${WARDROBE_MAX} 件，等有的到期再兑`);
  return { wardrobe: [...others, wearable], wearing: { ...member.wearing, [item.kind]: item.id } };
}

/** The member chooses what to wear (null takes it off); only what they own and has not run out. */
export function wearingAfterChoice(
  member: { wardrobe?: readonly Wearable[]; wearing?: Wearing | null },
  choice: Wearing,
  now: Date,
): Wearing {
  const owned = wardrobeNow(member.wardrobe, now);
  const chosen = (Object.entries(choice) as Array<[WearableKind, string | null | undefined]>).filter(([, itemId]) => itemId !== undefined);
  for (const [kind, itemId] of chosen) {
    if (itemId && !owned.some((w) => w.kind === kind && w.itemId === itemId))
      refuse('NOT_FOUND', kind === 'title' ? '你没有这个称号，或它已到期' : '你没有这个头像框，或它已到期');
  }
  return { ...member.wearing, ...Object.fromEntries(chosen) };
}

/**
 * Why a reward's wear does not fit its kind, or null: a worn reward says what is worn (a title of
 * at most TITLE_MAX_CHARS characters, a frame the app can draw); any other reward wears nothing.
 * The mall's schema and the owner's editor both ask this.
 */
export function wearProblem(kind: string, wear: { look: string } | null | undefined): string | null {
  if (!isWearableKind(kind)) return wear ? '只有称号和头像框可以佩戴' : null;
  if (!wear?.look.trim()) return kind === 'title' ? '请填写称号文字' : '请选择头像框样式';
  if (kind === 'title' && [...wear.look.trim()].length > TITLE_MAX_CHARS) return `称号最多 ${TITLE_MAX_CHARS} 个字`;
  if (kind === 'frame' && !isFrameLook(wear.look)) return `头像框样式只能是 ${Object.keys(FRAME_LOOKS).join('、')}`;
  return null;
}

/** How long a worn reward lasts, in words: 佩戴 7 天 or 永久佩戴. */
export const wearDuration = (days: number | null): string => (days === null ? '永久佩戴' : `佩戴 ${days} 天`);

/** What a worn thing is called: the title's words, or the frame's look by name. */
export const lookName = (kind: WearableKind, look: string): string =>
  kind === 'title' ? `称号「${look}」` : `头像框「${isFrameLook(look) ? FRAME_LOOKS[look] : look}」`;

/** The wardrobe as its owner sees it: what has not run out, each marked if it is the one worn. */
export const wardrobeView = (
  member: { wardrobe?: readonly Wearable[]; wearing?: Wearing | null },
  now: Date,
): Array<Wearable & { worn: boolean }> =>
  wardrobeNow(member.wardrobe, now).map((w) => ({ ...w, worn: member.wearing?.[w.kind] === w.itemId }));
