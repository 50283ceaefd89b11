import { oneEvent as untypedOneEvent } from '@open-wc/testing';

/**
 * `oneEvent` typed by the event name: each element registers its events in
 * GlobalEventHandlersEventMap, so `(await oneEvent(el, 'signup-failed')).detail` is a FailureDetail.
 */
export function oneEvent<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, type: K): Promise<GlobalEventHandlersEventMap[K]> {
  return untypedOneEvent<GlobalEventHandlersEventMap[K]>(target, type);
}
