// The console's page: every element of Veche (the previews use them) and every screen.
import '@veche/elements/all';
import './app.ts';
import './screens/sign-in.ts';
import './screens/account.ts';
import './screens/campaigns.ts';
import './screens/campaign-editor.ts';
import './screens/moderation.ts';
import './screens/projects.ts';
import './screens/news.ts';
import './screens/codes.ts';
import './screens/results.ts';
import './screens/audit.ts';
import './screens/embed.ts';
import './screens/staff.ts';
