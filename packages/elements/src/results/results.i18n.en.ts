import type { ResultsTerms } from './results.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: ResultsTerms = {
  title: (c) => `Voting results: ${c}`,
  publishedOn: (d) => `Published ${d}`,
  preliminary: 'Preliminary results: the administration is checking them.',
  pendingOn: (d) => `The voting results will be published on ${d}.`,
  pendingUndated: 'The voting results are not published yet; no date has been set.',
  unsupported: 'This server does not publish voting results.',

  budget: 'Budget',
  budgetUsed: (u, b, s) => `${u} of ${b} allocated (${s})`,
  turnout: 'Turnout',
  ofResidents: (s) => `${s} of residents aged 16+`,

  winners: 'Winners',
  winnersSum: (p, m) => `${p} for ${m}`,
  noWinners: 'No project was selected.',
  winner: 'Winner',
  notSelected: 'Not selected',

  votesChart: 'Votes per project',
  pointsChart: 'Points per project',
  table: 'Table',
  ofVoters: (s) => `${s} of voters`,
  ofPoints: (s) => `${s} of all points`,
  noBallots: 'Nobody voted.',
  noProjects: 'There were no projects on the ballot.',

  rank: 'Place',
  project: 'Project',
  district: 'District',
  cost: 'Cost',
  votes: 'Votes',
  points: 'Points',
  share: 'Share',
  outcome: 'Outcome',
  code: 'Code',
  unnamed: (id) => `Project ${id}`,

  districts: 'By district',
  districtBudget: (u, b) => `Budget: ${u} of ${b}`,
  districtSpent: (u) => `On winning projects: ${u}`,

  download: 'Download the results',
  csv: 'CSV table (Excel)',
  pabulib: 'Pabulib (.pb)',
  downloaded: (f) => `The file ${f} is ready.`,
  downloadFailed: 'The file could not be downloaded.',

  campaignNotFound: (id) => `Campaign “${id}” was not found. Check the campaign attribute.`,
};
