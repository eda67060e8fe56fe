import * as z from 'zod';
import { clip } from '../../core/content';
import { MESSAGE_PURPOSES, type Messenger, type OutsideMessage } from '../ports';

/**
 * The subscription templates an owner picked in 小程序后台 → 订阅消息, one per purpose, and which
 * of the template's keys shows which part of a message. Set at deploy time from deploy/settings.json
 * (the function's environment SUBSCRIPTION_TEMPLATES, only the purposes that function sends).
 */
const MESSAGE_FIELDS = ['subject', 'outcome', 'points', 'note', 'time'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

/** A template key as WeChat names them: its type, then a number (thing1, phrase2, number3, time4). */
const TEMPLATE_KEY = /^(thing|phrase|number|character_string|name|time|date)\d{1,2}$/;

export const subscriptionTemplate = z.object({
  id: z.string().trim().min(1),
  fields: z.partialRecord(z.enum(MESSAGE_FIELDS), z.string().regex(TEMPLATE_KEY, 'a template key such as thing1 or phrase2')),
});
export const subscriptionTemplates = z.partialRecord(z.enum(MESSAGE_PURPOSES as [string, ...string[]]), subscriptionTemplate);
export type SubscriptionTemplates = z.output<typeof subscriptionTemplates>;

/** The templates in the function's environment; nothing configured (or unreadable, logged) sends nothing. */
export function templatesFrom(json: string | undefined, log: (message: string, error?: unknown) => void): SubscriptionTemplates {
  if (!json?.trim()) return {};
  try {
    return subscriptionTemplates.parse(JSON.parse(json));
  } catch (error) {
    log('SUBSCRIPTION_TEMPLATES is not valid: no subscription messages are sent', error);
    return {};
  }
}

const BEIJING_MS = 8 * 3_600_000;

/** A value within what its key's type takes (WeChat refuses the whole message otherwise: 47003). */
function fit(key: string, value: string | number): string {
  const type = TEMPLATE_KEY.exec(key)![1];
  const text = String(value);
  switch (type) {
    case 'thing':
      return clip(text || '—', 20);
    case 'phrase':
      return clip(text, 5);
    case 'name':
      return clip(text, 10);
    // Digits only: points taken back are told by the outcome (下架扣回), never by a sign.
    case 'number':
      return String(Math.abs(Number(value)) || 0);
    case 'character_string':
      return text.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || '0';
    default:
      return text;
  }
}

/** The `data` of subscribeMessage.send for one message in one template. */
export function templateData(
  template: z.output<typeof subscriptionTemplate>,
  message: OutsideMessage,
  now: Date,
): Record<string, { value: string }> {
  const beijing = new Date(now.getTime() + BEIJING_MS).toISOString();
  const values: Record<MessageField, string | number> = {
    subject: message.subject,
    outcome: message.outcome,
    points: message.points,
    note: message.note,
    time: `${beijing.slice(0, 10)} ${beijing.slice(11, 16)}`,
  };
  const data: Record<string, { value: string }> = {};
  for (const [field, key] of Object.entries(template.fields) as Array<[MessageField, string]>) {
    data[key] = { value: key.startsWith('date') ? beijing.slice(0, 10) : fit(key, values[field]) };
  }
  return data;
}

export interface WxSubscribeMessage {
  openapi: {
    subscribeMessage: {
      send(params: {
        touser: string;
        templateId: string;
        page: string;
        data: Record<string, { value: string }>;
        miniprogramState?: string;
      }): Promise<unknown>;
    };
  };
}

/** Subscription messages by purpose: a purpose with no template is not sent (the in-app notice is). */
export function wxMessenger(
  cloud: WxSubscribeMessage,
  templates: SubscriptionTemplates,
  log: (message: string, error?: unknown) => void,
): Messenger {
  return {
    async send(message) {
      const template = templates[message.purpose];
      if (!template) return;
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: message.openid,
          templateId: template.id,
          page: message.page,
          data: templateData(template, message, new Date()),
        });
      } catch (error) {
        // 43101: the member has not subscribed (or used up the subscription). Nothing to do.
        log(`${message.purpose} message not sent`, error);
      }
    },
  };
}
