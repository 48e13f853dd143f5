// Words shown to people: region names, cue words, units, device states. One place, so every
// view says the same thing the same way.

export const CUE_WORDS = { LIGHTER: 'Lighter', IN_ZONE: 'In zone', HARDER: 'Harder', NO_CONTACT: 'Place the ball',
  HOLD: 'Hold', MOVE_ON: 'Move on' };
export const UNIT = { KILOPASCAL: 'kPa', NEWTON: 'N', kPa: 'kPa', N: 'N' };

const SEGMENT_WORDS = { CERVICOTHORACIC: 'Cervicothoracic', UPPER_THORACIC: 'Upper thoracic',
  MID_THORACIC: 'Mid thoracic', LOWER_THORACIC: 'Lower thoracic', LUMBAR: 'Lumbar' };

/** "MID_THORACIC_LEFT" -> "Mid thoracic, left"; unknown ids are made readable. */
export function regionLabel(id) {
  if (!id) return '—';
  const m = /^(.*)_(LEFT|RIGHT)$/.exec(id);
  const seg = m ? m[1] : id;
  const words = SEGMENT_WORDS[seg] || (seg.charAt(0) + seg.slice(1).toLowerCase().replace(/_/g, ' '));
  return m ? `${words}, ${m[2].toLowerCase()}` : words;
}

/** "MID_THORACIC_LEFT" -> "mid thoracic left", for sentences. */
export function regionWords(id) {
  return regionLabel(id).replace(',', '').toLowerCase();
}

/** A device's name for people: its advertised name, else its kind and the end of its id. */
export function deviceName(d) {
  if (!d) return 'the device';
  if (d.name) return d.name;
  const kind = d.kind ? d.kind.charAt(0) + d.kind.slice(1).toLowerCase() : 'Device';
  return `${kind} …${String(d.id).slice(-4)}`;
}

/** What a device's state means and what to do about it. */
export function deviceStateText(d) {
  const name = deviceName(d);
  switch (d && d.state) {
    case 'ONLINE': return { short: 'connected', help: '' };
    case 'OFFLINE': return { short: 'switched off',
      help: `${name} is switched off or was disconnected. Switch it on and keep it near the gateway; it reconnects by itself.` };
    case 'LOST': return { short: 'connection lost',
      help: `The gateway lost the connection to ${name} (out of range or battery empty). Bring it closer or charge it; it reconnects by itself.` };
    default: return { short: 'not heard from yet', help: `${name} has not sent anything yet. Switch it on near the gateway.` };
  }
}

/** Replaces device ids in a server message with the devices' names. */
export function humanize(message, devices) {
  let m = String(message || '');
  for (const d of devices || []) {
    if (d.id && m.includes(d.id)) m = m.split(d.id).join(deviceName(d));
  }
  return m.replace(/^device /, 'The device ');
}

export function fmtDate(ms, withTime = true) {
  const opts = withTime ? { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { weekday: 'short', month: 'short', day: 'numeric' };
  return new Date(ms).toLocaleString('en-GB', opts);
}

/** Local calendar day of a time, as "YYYY-MM-DD". */
export function dayKey(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
