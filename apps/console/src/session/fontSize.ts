import { ref, watch } from 'vue';

/** 适老化: three text sizes, kept per browser; everything is sized in rem from the root. */
export const FONT_SIZES = { normal: 16, large: 19, xlarge: 22 } as const;
export type FontSize = keyof typeof FONT_SIZES;

const KEY = 'jiefen.fontSize';
const stored = localStorage.getItem(KEY);
export const fontSize = ref<FontSize>(stored && stored in FONT_SIZES ? (stored as FontSize) : 'normal');

export function applyFontSize(): void {
  const apply = (size: FontSize) => {
    document.documentElement.style.fontSize = `${FONT_SIZES[size]}px`;
    localStorage.setItem(KEY, size);
  };
  apply(fontSize.value);
  watch(fontSize, apply);
}
