<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AgendaTab</name>
    <message numerus="yes">
        <location filename="../../ui/events/agenda.py" line="+339"/>
        <source>%1 — %n session(s)</source>
        <translation>
            <numerusform>%1 — %n session</numerusform>
            <numerusform>%1 — %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n session(s) in %1 room(s)</source>
        <translation>
            <numerusform>%n session in %1 room(s)</numerusform>
            <numerusform>%n sessions in %1 room(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message numerus="yes">
        <location filename="../../ui/app.py" line="+373"/>
        <source>Readable by you only now: %n file(s).</source>
        <translation>
            <numerusform>Readable by you only now: %n file.</numerusform>
            <numerusform>Readable by you only now: %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardsModel</name>
    <message numerus="yes">
        <location filename="../../ui/vinculacion/board.py" line="+71"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChaptersArea</name>
    <message numerus="yes">
        <location filename="../../ui/chapters.py" line="+53"/>
        <source>%n chapter(s)</source>
        <translation>
            <numerusform>%n chapter</numerusform>
            <numerusform>%n chapters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n chapter(s)</source>
        <translation>
            <numerusform>%1 of %n chapter</numerusform>
            <numerusform>%1 of %n chapters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Delete the chapter “%1”? Its %n member(s) will keep their records without a chapter, and its board will be removed. You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete the chapter “%1”? Its %n member will keep their record without a chapter, and its board will be removed. You can undo it with Ctrl+Z.</numerusform>
            <numerusform>Delete the chapter “%1”? Its %n members will keep their records without a chapter, and its board will be removed. You can undo it with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardArea</name>
    <message numerus="yes">
        <location filename="../../ui/dashboard.py" line="+534"/>
        <source>%Ln member(s). Click a bar to see those members.</source>
        <translation>
            <numerusform>%Ln member. Click a bar to see that member.</numerusform>
            <numerusform>%Ln members. Click a bar to see those members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsArea</name>
    <message numerus="yes">
        <location filename="../../ui/events/area.py" line="+66"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete the event “%1” with its agenda, rooms, materials, tasks and %n participant(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete the event “%1” with its agenda, rooms, materials, tasks and %n participant? You can undo it with Ctrl+Z.</numerusform>
            <numerusform>Delete the event “%1” with its agenda, rooms, materials, tasks and %n participants? You can undo it with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../ui/exports/dialog.py" line="+153"/>
        <source>%1: %n row(s) shown with the current filter, of %2</source>
        <translation>
            <numerusform>%1: %n row shown with the current filter, of %2</numerusform>
            <numerusform>%1: %n rows shown with the current filter, of %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n row</numerusform>
            <numerusform>%1: %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>List “%1”: %n member(s)</source>
        <translation>
            <numerusform>List “%1”: %n member</numerusform>
            <numerusform>List “%1”: %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n member(s) shown (current search and filters)</source>
        <translation>
            <numerusform>%n member shown (current search and filters)</numerusform>
            <numerusform>%n members shown (current search and filters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n member(s)</source>
        <translation>
            <numerusform>All %n member</numerusform>
            <numerusform>All %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportLogDialog</name>
    <message numerus="yes">
        <location filename="../../ui/privacy/export_log.py" line="+152"/>
        <source>%n export(s) included this member</source>
        <translation>
            <numerusform>%n export included this member</numerusform>
            <numerusform>%n exports included this member</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The newest %1 of %n export(s)</source>
        <translation>
            <numerusform>The newest %1 of %n export</numerusform>
            <numerusform>The newest %1 of %n exports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n export(s)</source>
        <translation>
            <numerusform>%n export</numerusform>
            <numerusform>%n exports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <location filename="../../ui/imports/wizard.py" line="+272"/>
        <source>%n data row(s), %1 column(s).</source>
        <translation>
            <numerusform>%n data row, %1 column(s).</numerusform>
            <numerusform>%n data rows, %1 column(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/record_dialog.py" line="+265"/>
        <source>%n field(s) need attention: see the messages in red.</source>
        <translation>
            <numerusform>%n field needs attention: see the message in red.</numerusform>
            <numerusform>%n fields need attention: see the messages in red.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message numerus="yes">
        <location filename="../../ui/imports/history.py" line="+130"/>
        <source>Undo the import of “%1” (%2)? It deletes the %n member(s) it created and puts back the data it changed (%3 member(s)). It cannot be redone; you can import the file again.</source>
        <translation>
            <numerusform>Undo the import of “%1” (%2)? It deletes the %n member it created and puts back the data it changed (%3 member(s)). It cannot be redone; you can import the file again.</numerusform>
            <numerusform>Undo the import of “%1” (%2)? It deletes the %n members it created and puts back the data it changed (%3 member(s)). It cannot be redone; you can import the file again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogisticsTab</name>
    <message numerus="yes">
        <location filename="../../ui/events/logistics.py" line="+338"/>
        <source>%n traveller(s)</source>
        <translation>
            <numerusform>%n traveller</numerusform>
            <numerusform>%n travellers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n need(s) a transfer</source>
        <translation>
            <numerusform>%n needs a transfer</numerusform>
            <numerusform>%n need a transfer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Night of %1, %2: %n guest(s)</source>
        <translation>
            <numerusform>Night of %1, %2: %n guest</numerusform>
            <numerusform>Night of %1, %2: %n guests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaterialsTab</name>
    <message numerus="yes">
        <location filename="../../ui/events/materials.py" line="+198"/>
        <source>%n material(s)</source>
        <translation>
            <numerusform>%n material</numerusform>
            <numerusform>%n materials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n ready</source>
        <translation>
            <numerusform>%n ready</numerusform>
            <numerusform>%n ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/member_picker.py" line="+142"/>
        <source>First %1 of %n member(s): type more to narrow the search.</source>
        <translation>
            <numerusform>First %1 of %n member: type more to narrow the search.</numerusform>
            <numerusform>First %1 of %n members: type more to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n member(s) found</source>
        <translation>
            <numerusform>%n member found</numerusform>
            <numerusform>%n members found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersArea</name>
    <message numerus="yes">
        <location filename="../../ui/members/area.py" line="+596"/>
        <source>%n anonymised member(s) not shown</source>
        <translation>
            <numerusform>%n anonymised member not shown</numerusform>
            <numerusform>%n anonymised members not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Save %n selected member(s) as a list</source>
        <translation>
            <numerusform>Save %n selected member as a list</numerusform>
            <numerusform>Save %n selected members as a list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>List for %n member(s):</source>
        <translation>
            <numerusform>List for %n member:</numerusform>
            <numerusform>List for %n members:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+127"/>
        <source>Chapter for %n member(s):</source>
        <translation>
            <numerusform>Chapter for %n member:</numerusform>
            <numerusform>Chapter for %n members:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Status for %n member(s):</source>
        <translation>
            <numerusform>Status for %n member:</numerusform>
            <numerusform>Status for %n members:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Sector for %n member(s):</source>
        <translation>
            <numerusform>Sector for %n member:</numerusform>
            <numerusform>Sector for %n members:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Delete %n member(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n member? You can undo it with Ctrl+Z.</numerusform>
            <numerusform>Delete %n members? You can undo it with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NeedsList</name>
    <message numerus="yes">
        <location filename="../../ui/vinculacion/needs.py" line="+66"/>
        <source>%n need(s)</source>
        <translation>
            <numerusform>%n need</numerusform>
            <numerusform>%n needs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n need(s)</source>
        <translation>
            <numerusform>%1 of %n need</numerusform>
            <numerusform>%1 of %n needs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+110"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>Remove %n candidate(s) from the need? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Remove %n candidate from the need? You can undo it with Ctrl+Z.</numerusform>
            <numerusform>Remove %n candidates from the need? You can undo it with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Candidates of the need “%1”: %n candidate(s).</source>
        <translation>
            <numerusform>Candidates of the need “%1”: %n candidate.</numerusform>
            <numerusform>Candidates of the need “%1”: %n candidates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message numerus="yes">
        <location filename="../../ui/exports/options_form.py" line="+106"/>
        <source>Only the %n selected member(s)</source>
        <translation>
            <numerusform>Only the %n selected member</numerusform>
            <numerusform>Only the %n selected members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Only the %n selected participant(s)</source>
        <translation>
            <numerusform>Only the %n selected participant</numerusform>
            <numerusform>Only the %n selected participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Only the %n member(s) shown (current search and filters)</source>
        <translation>
            <numerusform>Only the %n member shown (current search and filters)</numerusform>
            <numerusform>Only the %n members shown (current search and filters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+174"/>
        <source>of %n on the sheet (for a partly used sheet)</source>
        <translation>
            <numerusform>of %n on the sheet (for a partly used sheet)</numerusform>
            <numerusform>of %n on the sheet (for a partly used sheet)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationsArea</name>
    <message numerus="yes">
        <location filename="../../ui/organizations.py" line="+64"/>
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n organization(s)</source>
        <translation>
            <numerusform>%1 of %n organization</numerusform>
            <numerusform>%1 of %n organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message numerus="yes">
        <location filename="../../ui/events/participants.py" line="+200"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 of %n participant(s)</source>
        <translation>
            <numerusform>%1 of %n participant</numerusform>
            <numerusform>%1 of %n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+170"/>
        <source>Remove %n participant(s) from the event? Their travel, lodging and status history go too. You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>Remove %n participant from the event? Their travel, lodging and status history go too. You can undo it with Ctrl+Z.</numerusform>
            <numerusform>Remove %n participants from the event? Their travel, lodging and status history go too. You can undo it with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <location filename="../../ui/exports/preview.py" line="+64"/>
        <source>of %n page(s)</source>
        <translation>
            <numerusform>of %n page</numerusform>
            <numerusform>of %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgramsList</name>
    <message numerus="yes">
        <location filename="../../ui/vinculacion/programs.py" line="+78"/>
        <source>%n program(s)</source>
        <translation>
            <numerusform>%n program</numerusform>
            <numerusform>%n programs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n program(s)</source>
        <translation>
            <numerusform>%1 of %n program</numerusform>
            <numerusform>%1 of %n programs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+330"/>
        <source>People of the program “%1”: %n person(s).</source>
        <translation>
            <numerusform>People of the program “%1”: %n person.</numerusform>
            <numerusform>People of the program “%1”: %n people.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <location filename="../../ui/backups.py" line="+172"/>
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n backup.</numerusform>
            <numerusform>%n backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message numerus="yes">
        <location filename="../../ui/events/review.py" line="+50"/>
        <source>%n problem(s) found in the plan of this event.</source>
        <translation>
            <numerusform>%n problem found in the plan of this event.</numerusform>
            <numerusform>%n problems found in the plan of this event.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedListsModel</name>
    <message numerus="yes">
        <location filename="../../ui/members/saved_lists.py" line="+69"/>
        <source>Fixed list: %n chosen member(s)</source>
        <translation>
            <numerusform>Fixed list: %n chosen member</numerusform>
            <numerusform>Fixed list: %n chosen members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectorsArea</name>
    <message numerus="yes">
        <location filename="../../ui/sectors.py" line="+145"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TalentPanel</name>
    <message numerus="yes">
        <location filename="../../ui/vinculacion/talent.py" line="+320"/>
        <source>%1 of %n ranked member(s), best first.</source>
        <translation>
            <numerusform>%1 of %n ranked member, best first.</numerusform>
            <numerusform>%1 of %n ranked members, best first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n left out (asked not to be contacted, anonymized or inactive).</source>
        <translation>
            <numerusform>%n left out (asked not to be contacted, anonymized or inactive).</numerusform>
            <numerusform>%n left out (asked not to be contacted, anonymized or inactive).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>The first %n ranked member(s) for the criteria shown, best first.</source>
        <translation>
            <numerusform>%n ranked member for the criteria shown.</numerusform>
            <numerusform>The first %n ranked members for the criteria shown, best first.</numerusform>
        </translation>
    </message>
</context>
</TS>
