/** One party as a document prints it: in full (documents are for the parties, PML Art. 29). */
export interface PartyData {
  id: string;
  role: string;
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
  agent: string | null;
  /** 民族, in full (decrypted for the document, docs/security.md). */
  ethnicity: string | null;
  occupation: string | null;
  /** Read from an 18-digit resident ID number (GB 11643-1999: the 17th digit is odd for men). */
  gender: string | null;
  birthDate: string | null;
  age: number | null;
}
