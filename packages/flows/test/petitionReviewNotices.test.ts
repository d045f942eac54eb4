import { aPetitionAt, PETITION_DAYS } from './support/petition.factories.js';

// PC-Reg Arts. 35, 36 (复查、复核): a request for review or re-review is sent on to the body that
// decides it, and that body's opinion is issued citing the article it is given under.

describe('petition: review and re-review, what is sent and issued (PC-Reg Arts. 35, 36)', () => {
  it('PC-Reg Art. 35: a review request is sent to the reviewing body with what the request said', () => {
    expect(aPetitionAt('underReview').effects).toContainEqual({
      type: 'notice.sent',
      notice: 'reviewRequested',
      to: 'organization',
      details: { requestedOn: PETITION_DAYS.reviewRequestedOn, reviewOrganizationId: 'org-district-1' },
    });
  });

  it('PC-Reg Art. 35: the review opinion is issued with its result, citing Art. 35', () => {
    expect(aPetitionAt('reviewDecided', { reviewResult: 'explained' }).effects).toContainEqual({
      type: 'document.issued',
      document: 'reviewOpinion',
      details: { result: 'explained', basis: 'PC-Reg Art. 35' },
    });
  });

  it('PC-Reg Art. 36: a re-review request is sent to the re-reviewing body with what the request said', () => {
    expect(aPetitionAt('underRereview').effects).toContainEqual({
      type: 'notice.sent',
      notice: 'rereviewRequested',
      to: 'organization',
      details: { requestedOn: PETITION_DAYS.rereviewRequestedOn, rereviewOrganizationId: 'org-city-1' },
    });
  });
});
