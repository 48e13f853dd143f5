// The guided screen's pressure cue and how it is said. A person rolling on a ball swings the
// pressure by ±10 kPa within a second, so a cue from single samples flickers: the cue here is
// judged on the mean of a rolling window, changes only after the new verdict held for a while,
// and "place the ball" only after contact was gone for a moment.

/** Rolling-window cue with "% of time in zone". Times are device ms from the live frames. */
export class RollingCue {
  constructor({ windowMs = 2500, holdMs = 1000, noContactMs = 1200, gapMs = 1000 } = {}) {
    Object.assign(this, { windowMs, holdMs, noContactMs, gapMs });
    this.reset();
  }

  /** Forgets everything (new device, new spot). */
  reset() {
    this.samples = [];          // {t, p, contact}
    this.cue = null;            // current cue
    this.pending = null;        // {cue, since}
    this.lastContactT = null;
    this.lastT = null;
    this.resetZone();
  }

  /** Starts a new "% of time in zone" count (new spot or block). */
  resetZone() {
    this.inMs = 0;
    this.contactMs = 0;
  }

  /** Takes one live sample; low/high is the target band. Returns the cue now. */
  push(t, pressure, contact, low, high) {
    if (this.lastT !== null && t < this.lastT) return this.cue; // out of order: ignore
    if (this.lastT !== null && this.prev && this.prev.contact) {
      const dt = Math.min(t - this.lastT, this.gapMs);
      this.contactMs += dt;
      if (this.prev.p >= low && this.prev.p <= high) this.inMs += dt;
    }
    this.prev = { p: pressure, contact };
    this.lastT = t;
    if (contact) this.lastContactT = t;
    this.samples.push({ t, p: pressure, contact });
    while (this.samples.length && this.samples[0].t < t - this.windowMs) this.samples.shift();
    this.judge(t, low, high);
    return this.cue;
  }

  judge(t, low, high) {
    const touching = this.samples.filter(s => s.contact);
    let verdict;
    if (this.lastContactT === null || t - this.lastContactT >= this.noContactMs) {
      verdict = 'NO_CONTACT';
    } else if (!touching.length) {
      return; // contact just dropped: keep the cue until it counts as no contact
    } else {
      const mean = touching.reduce((a, s) => a + s.p, 0) / touching.length;
      // A margin of 4 % of the band width around its edges keeps a mean sitting on an edge from flip-flopping.
      const margin = (high - low) * 0.04;
      const lo = this.cue === 'IN_ZONE' ? low - margin : low + margin;
      const hi = this.cue === 'IN_ZONE' ? high + margin : high - margin;
      verdict = mean < lo ? 'HARDER' : mean > hi ? 'LIGHTER' : 'IN_ZONE';
      this.mean = mean;
    }
    if (verdict === this.cue) { this.pending = null; return; }
    if (this.cue === null || verdict === 'NO_CONTACT') { this.cue = verdict; this.pending = null; return; }
    if (!this.pending || this.pending.cue !== verdict) this.pending = { cue: verdict, since: t };
    if (t - this.pending.since >= this.holdMs) { this.cue = verdict; this.pending = null; }
  }

  /** Percent of contact time inside the band since the last resetZone, or null before any contact. */
  zonePercent() {
    return this.contactMs > 0 ? Math.round(100 * this.inMs / this.contactMs) : null;
  }
}

const TONES = { HARDER: [330, 330], LIGHTER: [660, 660], IN_ZONE: [523, 784], NO_CONTACT: [262, 196],
  MOVE_ON: [523, 659, 784], SWITCH: [784, 523], DONE: [523, 659, 784, 1047] };
const VIBRATE = { HARDER: [120, 80, 120], LIGHTER: [300], NO_CONTACT: [60, 60, 60, 60, 60], MOVE_ON: [400, 100, 400],
  SWITCH: [400, 100, 400], DONE: [600] };

/**
 * Says cues out loud: a short tone pattern per cue (Web Audio), the words (speech synthesis)
 * and a vibration pattern where the device has one. Muting is remembered in the browser.
 */
export class Announcer {
  constructor(liveRegion) {
    this.liveRegion = liveRegion;
    this.muted = localStorage.getItem('spinetrack.muted') === '1';
    this.ctx = null;
    this.spoken = [];  // what was said, newest last (tests and curious people read it)
  }

  setMuted(m) {
    this.muted = m;
    localStorage.setItem('spinetrack.muted', m ? '1' : '0');
    if (m && window.speechSynthesis) window.speechSynthesis.cancel();
  }

  /** kind: a cue or MOVE_ON / SWITCH / DONE; words: what to say and show to screen readers. */
  say(kind, words) {
    this.spoken.push(words);
    if (this.spoken.length > 50) this.spoken.shift();
    if (this.liveRegion) this.liveRegion.textContent = words;
    if (navigator.vibrate && VIBRATE[kind]) { try { navigator.vibrate(VIBRATE[kind]); } catch (e) { /* not allowed */ } }
    if (this.muted) return;
    this.tone(TONES[kind]);
    if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
      try {
        window.speechSynthesis.cancel();
        const u = new SpeechSynthesisUtterance(words);
        u.rate = 1.05;
        window.speechSynthesis.speak(u);
      } catch (e) { /* no voice */ }
    }
  }

  tone(freqs) {
    if (!freqs) return;
    try {
      this.ctx = this.ctx || new (window.AudioContext || window.webkitAudioContext)();
      let at = this.ctx.currentTime;
      for (const f of freqs) {
        const osc = this.ctx.createOscillator();
        const gain = this.ctx.createGain();
        osc.frequency.value = f;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
        osc.connect(gain).connect(this.ctx.destination);
        osc.start(at);
        osc.stop(at + 0.18);
        at += 0.2;
      }
    } catch (e) { /* no audio */ }
  }
}
