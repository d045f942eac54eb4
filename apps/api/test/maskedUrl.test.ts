import { maskedUrl } from '../src/security/maskedUrl.js';
import { ID_NUMBERS } from './support/factories.js';

describe('maskedUrl (PIPL Art. 51: no ID number or phone in a log line)', () => {
  it('masks idNumber however its name is spelled', () => {
    expect(maskedUrl(`/api/v1/cases?idNumber=${ID_NUMBERS.zhang}`)).toBe('/api/v1/cases?idNumber=110105********002X');
    expect(maskedUrl(`/api/v1/cases?id%4Eumber=${ID_NUMBERS.zhang}&limit=5`)).toBe(
      '/api/v1/cases?idNumber=110105********002X&limit=5',
    );
    expect(
      maskedUrl(`/api/v1/cases?%69%64%4e%75%6d%62%65%72=%31%31%30%31%30%35%31%39%34%39%31%32%33%31%30%30%32%58`),
    ).toBe('/api/v1/cases?idNumber=110105********002X');
    expect(maskedUrl(`/api/v1/cases?idNumber[]=${ID_NUMBERS.zhang}`)).toBe(
      '/api/v1/cases?idNumber%5B%5D=110105********002X',
    );
  });

  it('masks a phone or an ID number typed into q or any other value, and in the path', () => {
    expect(maskedUrl('/api/v1/cases?q=13800138000')).toBe('/api/v1/cases?q=138****8000');
    expect(maskedUrl('/api/v1/cases?q=%E5%BC%A0%E4%B8%89+138-0013-8000')).toBe(
      `/api/v1/cases?q=${encodeURIComponent('张三 ')}138****8000`,
    );
    expect(maskedUrl(`/api/v1/cases?q=${ID_NUMBERS.li}`)).toBe('/api/v1/cases?q=320106********123X');
    expect(maskedUrl('/api/v1/cases?q=84801234')).toBe('/api/v1/cases?q=848*1234');
    expect(maskedUrl(`/api/v1/cases/${ID_NUMBERS.zhang}/events`)).toBe('/api/v1/cases/110105********002X/events');
    expect(maskedUrl('/api/v1/cases?state=13900139000')).toBe('/api/v1/cases?state=139****9000');
  });

  it('leaves ids, dates and case numbers as they are', () => {
    const url = '/api/v1/cases?organizationId=00000000-0000-4000-8000-000000000031&receivedFrom=2026-03-02&limit=20';
    expect(maskedUrl(url)).toBe(url);
    expect(maskedUrl('/api/v1/cases/a1390000-4000-4000-8000-000000000031')).toBe(
      '/api/v1/cases/a1390000-4000-4000-8000-000000000031',
    );
    expect(maskedUrl('/api/v1/cases?q=2026%E7%8E%84%E8%B0%83%E5%AD%9700001')).toBe(
      '/api/v1/cases?q=2026%E7%8E%84%E8%B0%83%E5%AD%9700001',
    );
  });

  it('never throws on a malformed escape, and still masks what follows it', () => {
    expect(maskedUrl('/health?idNumber=%ZZ')).toBe('/health?idNumber=***');
    expect(maskedUrl(`/api/v1/cases?q=%ZZ${ID_NUMBERS.zhang}&x=%E0%A4%A`)).toBe(
      '/api/v1/cases?q=%25ZZ110105********002X&x=%25E0%25A4%25A',
    );
    expect(maskedUrl('/api/v1/cases?q=%C3%28')).toBe('/api/v1/cases?q=%25C3(');
  });
});
