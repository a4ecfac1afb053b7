/**
 * The display's sound: a two-note chime made with Web Audio (no recorded clip), then the
 * announcement in the system's Vietnamese voice (Web Speech API) where the machine has one.
 * Without a Vietnamese voice only the chime sounds and the text is on screen: the display never
 * reads Vietnamese with an English voice.
 */

let context: AudioContext | null = null;

/** Whether the browser lets the page make sound yet (a kiosk browser may need one touch first). */
export function soundAllowed(): boolean {
  context ??= new AudioContext();
  return context.state === 'running';
}

export async function allowSound(): Promise<void> {
  context ??= new AudioContext();
  await context.resume();
}

export function chime(): void {
  context ??= new AudioContext();
  const start = context.currentTime;
  [660, 880].forEach((frequency, i) => {
    const tone = context!.createOscillator();
    const gain = context!.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.4);
    gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.4 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.4 + 0.38);
    tone.connect(gain).connect(context!.destination);
    tone.start(start + i * 0.4);
    tone.stop(start + i * 0.4 + 0.4);
  });
}

export function vietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi')) ?? null;
}

/** Speaks after the chime; false when there is no Vietnamese voice. */
export function speak(text: string): boolean {
  const voice = vietnameseVoice();
  if (!voice) return false;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  utterance.rate = 0.9;
  window.setTimeout(() => speechSynthesis.speak(utterance), 900);
  return true;
}
