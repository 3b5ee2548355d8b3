/**
 * The shipped snapshot of Epoch AI's chip owner estimates: the publisher's files unchanged, byte for byte, with the
 * licence they are published under (seed/external/epoch-ai-chip-counts/README.md).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.join(__dirname, '../seed/external/epoch-ai-chip-counts');

/** Each file as published, by its path under the snapshot's folder, with its SHA-256. */
const PUBLISHED: Record<string, string> = {
  LICENSE: '86bd0feb6f2a667ddd4e1d5ad544a8f97ab40cfbfa5c85e87216e478628ef89a',
  'owners_csv_export/amd_owners_cumulative_by_chip.csv':
    '212018efaed78052ec75fc189a06b14b3dfefb1d3804d974dddf9feaf9f979c7',
  'owners_csv_export/amd_owners_cumulative_totals.csv':
    'bc5738bc2f61d3b7eadc6b9ef2ad2eafd5d36e35e8512cba185008af57921aaf',
  'owners_csv_export/amd_owners_quarters.csv': 'd0cd95030670a241e0caba273cf83c89ee01b00e018d4fccc3ec8888f86b681d',
  'owners_csv_export/amd_owners_quarters_by_chip.csv':
    'f9993550b21dd09246a469413f35a9694dee9b4ed339adfed025bf8548b1dce0',
  'owners_csv_export/coreweave/coreweave_owners_cumulative_by_chip.csv':
    'ec67e82229835389cd74c406549edacd2dc7286d480e49a9ef5feabf06ceffdd',
  'owners_csv_export/coreweave/coreweave_owners_cumulative_totals.csv':
    '4ea469131130e93ff1db4725b1721d04066462fd634d8ed6095913bae4c322e5',
  'owners_csv_export/coreweave/coreweave_owners_quarters_by_chip.csv':
    '17da795ff58c7875f44a5b3fad590d9da08773b37a125a7c3a97d56f863160e6',
  'owners_csv_export/nvidia_owners_OTHER_cumulative_by_chip.csv':
    '9a6c6fa6decc818a13cce56cf081720486f6b336e5f46637a2cd482f0e2fb494',
  'owners_csv_export/nvidia_owners_OTHER_cumulative_totals.csv':
    '12ed16eff9df6418e201f21904ff2368ade2b37303356311bac487f02b8dc233',
  'owners_csv_export/nvidia_owners_OTHER_quarters_by_chip.csv':
    '0db16cf8dfd9c0023e754a068e210c7db6dc68ba140a9c1af75aa40f8517d47d',
  'owners_csv_export/nvidia_owners_cumulative_by_chip.csv':
    'dda82d99cca2a8081664bf59058978a87a206c3c24a7a935796dd0e63da220a5',
  'owners_csv_export/nvidia_owners_cumulative_totals.csv':
    'b3f4e74e31e1c89aa1469e48990756d310779dfb4f4038d9a13f491769c3dedb',
  'owners_csv_export/nvidia_owners_quarters.csv': 'c7d7247a8978927125cf4c0497e52b2513cc5309b4c7f947c84d21a73b24299e',
  'owners_csv_export/nvidia_owners_quarters_by_chip.csv':
    '3dea4a2272ee8403f729ed1047ee42111d9368367af8c3fe748924bc68b82221',
  'owners_csv_export/tpu_owners_cumulative_by_chip.csv':
    '41962b39d2e2b809e51815035a5b6aedbda82f6702558f871559f7203c33cbd5',
  'owners_csv_export/tpu_owners_cumulative_totals.csv':
    '203c595c8c3e38d4226475ede9316b32b6c0182b1dc1a069ec7c9105221ed204',
  'owners_csv_export/tpu_owners_quarters_by_chip.csv':
    '43d7952a7874562abab1fcd08c893be512bd39742000a442baec8594343d2b28',
  'owners_csv_export/trainium_owners_cumulative_by_chip.csv':
    '95d87eb4093795880d09c2dcfef08ef70a207aa4b34875e3b148eb19c090a126',
  'owners_csv_export/trainium_owners_cumulative_totals.csv':
    '5cd42f723380e1b52e16313428061d5284e67fa25d44628cb7eb5e9563330bc4',
  'owners_csv_export/trainium_owners_quarters_by_chip.csv':
    'd10efef7b203647d87654c25fec3199823109dfb7b7e0effa1364865f0146ab3',
};

/** Given a folder, returns the paths of every file under it, relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((relative) => fs.statSync(path.join(dir, relative)).isFile())
    .map((relative) => relative.split(path.sep).join('/'));
}

describe('the shipped Epoch AI chip owner estimates', () => {
  it('are the files Epoch AI published, unchanged, and nothing else but the README', () => {
    expect(filesUnder(DIR).sort()).toEqual([...Object.keys(PUBLISHED), 'README.md'].sort());
    const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(path.join(DIR, file)));
    for (const [file, digest] of Object.entries(PUBLISHED))
      expect({ file, sha256: sha256(file).digest('hex') }).toEqual({ file, sha256: digest });
  });

  it('travel with their MIT licence, and the README names the publisher, the licence and the attribution', () => {
    const licence = fs.readFileSync(path.join(DIR, 'LICENSE'), 'utf8');
    expect(licence.startsWith('MIT License\n\nCopyright (c) 2025 Epoch AI\n')).toBe(true);
    expect(licence).toContain('The above copyright notice and this permission notice shall be included');
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const text of ['Epoch AI', 'MIT', '"Epoch AI, AI chip owner estimates"', 'unchanged', '2026-04-22'])
      expect(readme).toContain(text);
  });
});
