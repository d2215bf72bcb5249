/** Names the program on the cover and in each file's metadata (the PDF's Creator, the DOCX's last author). */
import { version } from '../../package.json';

export const GENERATOR = `ai-risk-self-assessment ${version}`;
