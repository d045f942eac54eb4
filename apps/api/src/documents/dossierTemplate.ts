/** The dossier's cover, index and back cover, bundled or a province's (`templates/dossier.json`, documents.md). */
export interface DossierTemplate {
  version: number;
  /** 保管期限 printed on the cover (documents.md: districts decide; 永久 / 长期 / 短期). */
  retention: string;
  coverTitle: string;
  coverFields: [label: string, text: string][];
  indexTitle: string;
  backCoverTitle: string;
  backCoverLines: string[];
}
