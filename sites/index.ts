// The site registry: one line per marketplace. The pages the content script runs on, how a page is read and
// the names the UI shows all come from this list (sites/registry.ts).
import { contra } from './contra';
import { fiverr } from './fiverr';
import { freelancer } from './freelancer';
import { github } from './github';
import { guru } from './guru';
import { linkedin } from './linkedin';
import { peopleperhour } from './peopleperhour';
import { siteRegistry } from './registry';
import { toptal } from './toptal';
import { upwork } from './upwork';

export const { adapters, adapterFor, contentScriptMatches, siteOrigins, siteName, readPage, searchLinks } =
  siteRegistry([upwork, fiverr, freelancer, peopleperhour, guru, toptal, contra, linkedin, github]);
