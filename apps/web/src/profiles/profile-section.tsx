import type {
  ProfileDocument,
  ProfileFigure,
  ProfileSectionFigures,
  ProfileSectionKey,
  ProfileTable,
} from '@lantern/domain';
import { type RefObject, useId, useRef, useState } from 'react';
import type { DistrictFeature } from '../map/boundaries.ts';
import { ProfileChartView, ProfileMapView } from './profile-charts.tsx';
import { changedSince, figureChangeText, figureSideText, tableCellText, writingParts } from './profile-format.ts';

export interface SectionProps {
  number: number;
  section: ProfileSectionFigures;
  edition: ProfileDocument['edition'];
  /** The figures as last stored before these, to say what changed; none for a first version. */
  previous: ReadonlyMap<string, ProfileFigure> | null;
  allFigures: ReadonlyMap<string, ProfileFigure>;
  districts: readonly DistrictFeature[];
  assessment: string;
  /** Absent when the writing may not be changed (not a draft, the partner edition, or a reader). */
  onAssessmentChange?: ((text: string) => void) | undefined;
  onOpenFigure?: ((figure: ProfileFigure) => void) | undefined;
}

/** One section of the profile: its figures, tables, charts and maps, and the analyst's assessment. */
export function ProfileSection(props: SectionProps) {
  const { number, section, edition } = props;
  const headingId = useId();
  return (
    <section className="profile-section" aria-labelledby={headingId} data-section={section.key}>
      <h2 id={headingId}>
        {number}. {section.title}
      </h2>
      {section.notes.map((note) => (
        <p key={note} className="profile-section__note">
          {note}
        </p>
      ))}
      {section.figures.length > 0 && (
        <ul className="profile-figures" aria-label={`${section.title}: figures`}>
          {section.figures.map((figure) => (
            <FigureCard
              key={figure.key}
              figure={figure}
              edition={edition}
              was={changedSince(figure, props.previous?.get(figure.key), edition)}
              onOpen={props.onOpenFigure}
            />
          ))}
        </ul>
      )}
      {section.tables.map((table) => (
        <FigureTable key={table.key} table={table} edition={edition} />
      ))}
      {section.charts.map((chart) => (
        <ProfileChartView key={chart.key} chart={chart} edition={edition} />
      ))}
      {section.maps.map((map) => (
        <ProfileMapView key={map.key} map={map} districts={props.districts} edition={edition} />
      ))}
      <Assessment {...props} sectionKey={section.key} />
    </section>
  );
}

function FigureCard({
  figure,
  edition,
  was,
  onOpen,
}: {
  figure: ProfileFigure;
  edition: ProfileDocument['edition'];
  was: string | null;
  onOpen?: ((figure: ProfileFigure) => void) | undefined;
}) {
  const value = figureSideText(figure, 'value', edition);
  const change = figureChangeText(figure, edition);
  const comparison = figureSideText(figure, 'comparison', edition);
  const body = (
    <>
      <span className="profile-figure__label">{figure.label}</span>
      <span className={`profile-figure__value${value === 'no data' ? ' profile-figure__value--none' : ''}`}>
        {value}
      </span>
      <span className="profile-figure__comparison">
        Comparison period: {comparison}
        {change && <> · change {change}</>}
      </span>
      {figure.ratePer1000 !== null && edition === 'full' && (
        <span className="profile-figure__rate">{figure.ratePer1000} per 1,000 children</span>
      )}
      {figure.caution && <span className="profile-figure__caution">{figure.caution}</span>}
      {was && <span className="profile-figure__was">Since the last version: {was}</span>}
    </>
  );
  return (
    <li className="profile-figure" data-figure={figure.key}>
      {onOpen ? (
        <button
          type="button"
          className="profile-figure__open"
          aria-label={`${figure.label}: ${value}. Show the records behind this figure`}
          onClick={() => onOpen(figure)}
        >
          {body}
        </button>
      ) : (
        <div className="profile-figure__open">{body}</div>
      )}
    </li>
  );
}

function FigureTable({ table, edition }: { table: ProfileTable; edition: ProfileDocument['edition'] }) {
  return (
    <table className="data-table profile-table" data-table={table.key}>
      <caption>{table.title}</caption>
      <thead>
        <tr>
          {/* The columns head the cells; each row is headed by its label. */}
          <td />
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={table.columns.length + 1}>None found in this period.</td>
          </tr>
        ) : (
          table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={index}>{tableCellText(cell, table.countsPeople, edition)}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function Assessment({
  sectionKey,
  section,
  assessment,
  onAssessmentChange,
  allFigures,
  edition,
}: SectionProps & { sectionKey: ProfileSectionKey }) {
  const id = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const label = sectionKey === 'summary' ? 'Key findings, in your words' : `Assessment: ${section.title}`;
  if (!onAssessmentChange) {
    return (
      <div className="profile-assessment">
        <h3>{sectionKey === 'summary' ? 'Key findings' : 'Assessment'}</h3>
        <AssessmentText text={assessment} figures={allFigures} edition={edition} />
      </div>
    );
  }
  return (
    <div className="profile-assessment profile-assessment--editing">
      <label htmlFor={id}>{label}</label>
      {sectionKey === 'summary' && (
        <FigurePicker figures={allFigures} textArea={textArea} text={assessment} onInsert={onAssessmentChange} />
      )}
      <textarea
        id={id}
        ref={textArea}
        rows={sectionKey === 'summary' ? 8 : 4}
        value={assessment}
        onChange={(event) => onAssessmentChange(event.target.value)}
      />
      {/* The summary reads its figures back on screen; on paper every section prints as read. */}
      <div
        className={`profile-assessment__preview${sectionKey === 'summary' ? ' profile-assessment__preview--shown' : ''}`}
      >
        <p className="profile-assessment__preview-label">As it reads:</p>
        <AssessmentText text={assessment} figures={allFigures} edition={edition} />
      </div>
    </div>
  );
}

/** An assessment as read: paragraphs, each figure reference replaced by the figure's value. */
function AssessmentText({
  text,
  figures,
  edition,
}: {
  text: string;
  figures: ReadonlyMap<string, ProfileFigure>;
  edition: ProfileDocument['edition'];
}) {
  if (text.trim() === '') return <p className="profile-section__empty">No assessment written.</p>;
  return text.split(/\n{2,}/).map((paragraph, index) => (
    <p key={index} className="profile-assessment__text">
      {writingParts(paragraph, figures, edition).map((part, at) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <strong key={at} className="profile-assessment__figure" data-figure-ref={part.key}>
            {part.text}
          </strong>
        ),
      )}
    </p>
  ));
}

/** Inserts `{{section.name}}` where the cursor is: the printed summary shows the figure's value there. */
function FigurePicker({
  figures,
  textArea,
  text,
  onInsert,
}: {
  figures: ReadonlyMap<string, ProfileFigure>;
  textArea: RefObject<HTMLTextAreaElement | null>;
  text: string;
  onInsert(text: string): void;
}) {
  const id = useId();
  const [key, setKey] = useState<string>(figures.keys().next().value ?? '');
  return (
    <div className="profile-figure-picker">
      <label htmlFor={id}>Figure</label>
      <select id={id} value={key} onChange={(event) => setKey(event.target.value)}>
        {[...figures.values()].map((figure) => (
          <option key={figure.key} value={figure.key}>
            {figure.label} ({figure.key})
          </option>
        ))}
      </select>
      <button
        className="button"
        type="button"
        disabled={!key}
        onClick={() => {
          const at = textArea.current?.selectionStart ?? text.length;
          const end = textArea.current?.selectionEnd ?? at;
          onInsert(`${text.slice(0, at)}{{${key}}}${text.slice(end)}`);
        }}
      >
        Insert figure
      </button>
    </div>
  );
}
