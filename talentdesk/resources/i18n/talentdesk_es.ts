<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../ui/events/participants.py" line="+391"/>
        <source>Add a member to the event</source>
        <translation>Agregar un miembro al evento</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Member</source>
        <translation>&amp;Miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a member from the search results.</source>
        <translation>Elija un miembro de los resultados de la búsqueda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do not contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 asked not to be contacted (right of objection): they must not receive invitations. Register them only if they asked to take part themselves. Register them?</source>
        <translation>%1 pidió no ser contactado (derecho de oposición): no debe recibir invitaciones. Regístrelo sólo si la propia persona pidió participar. ¿Registrarlo?</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <location filename="../../ui/events/agenda.py" line="+260"/>
        <source>&amp;New session…</source>
        <extracomment>Fill and accent colour of each kind of session.</extracomment>
        <translation>&amp;Nueva sesión…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit session…</source>
        <translation>E&amp;ditar sesión…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete session…</source>
        <translation>&amp;Eliminar sesión…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;room…</source>
        <translation>Agregar &amp;sala…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Day:</source>
        <translation>Día:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+129"/>
        <source>(no room)</source>
        <translation>(sin sala)</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+131"/>
        <source>Moderator:</source>
        <translation>Modera:</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>%1 (outside the event dates)</source>
        <translation>%1 (fuera de las fechas del evento)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 — %n session(s)</source>
        <translation>
            <numerusform>%1 — %n sesión</numerusform>
            <numerusform>%1 — %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n session(s) in %1 room(s)</source>
        <translation>
            <numerusform>%n sesión en %1 sala(s)</numerusform>
            <numerusform>%n sesiones en %1 sala(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Double-click an empty slot to add a session there.</source>
        <translation>Haga doble clic en un espacio libre para agregar ahí una sesión.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Speakers:</source>
        <translation>Ponentes:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the session “%1”? You can undo it with Ctrl+Z.</source>
        <translation>¿Eliminar la sesión «%1»? Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add room</source>
        <translation>Agregar sala</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the new room:</source>
        <translation>Nombre de la nueva sala:</translation>
    </message>
</context>
<context>
    <name>AnonymizeDialog</name>
    <message>
        <location filename="../../ui/privacy/member_rights.py" line="+260"/>
        <source>Anonymize member</source>
        <extracomment>The member id, once anonymised (before the dialog closes).</extracomment>
        <translation>Anonimizar miembro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ANONYMIZE</source>
        <translation>ANONIMIZAR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To confirm, type %1:</source>
        <translation>Para confirmar, escriba %1:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Anonymize for good</source>
        <translation>&amp;Anonimizar para siempre</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Anonymize %1 (member %2)? This cannot be undone.</source>
        <translation>¿Anonimizar a %1 (miembro %2)? No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;Removed for good:&lt;/b&gt; name, e-mail, phone, city and state, employer and job, field of study and institution, languages, website, expertise, notes, offers, the consent and its stated source; the board positions held (%1); and in the Jornada participations (%2) the copied name and contact data, needs, notes, travel and hotel. The values the audit trail kept of them are removed too, and the search no longer finds them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Se elimina para siempre:&lt;/b&gt; nombre, correo, teléfono, ciudad y estado, empleador y puesto, área de estudio e institución, idiomas, sitio web, especialidad, notas, aportaciones, el consentimiento y su origen declarado; los cargos en mesas directivas (%1); y en sus participaciones en Jornadas (%2) la copia del nombre y los datos de contacto, necesidades, notas, viaje y hotel. También se eliminan los valores que la bitácora guardaba de ellos, y la búsqueda ya no los encuentra.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;&lt;b&gt;Kept, for statistics:&lt;/b&gt; chapter, sectors, country, degree level, status and year joined; the participations stay as anonymous records. The audit records that the member was anonymized, by whom and when.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Se conserva, para estadísticas:&lt;/b&gt; capítulo, sectores, país, nivel de estudios, estatus y año de ingreso; las participaciones quedan como registros anónimos. La bitácora registra que el miembro se anonimizó, quién lo hizo y cuándo.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;There is no undo:&lt;/b&gt; keeping a way back would keep the data. The undo history of this session is emptied as well. Backups made before today still hold the data until they are rotated out.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;No se puede deshacer:&lt;/b&gt; conservar una forma de volver atrás sería conservar los datos. También se vacía la lista de Deshacer de esta sesión. Las copias de seguridad anteriores conservan los datos hasta que se reemplacen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/app.py" line="+205"/>
        <source>That database is already open.</source>
        <translation>Esa base de datos ya está abierta.</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+52"/>
        <source>The database «%1» does not exist.</source>
        <translation>No existe la base de datos «%1».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>«%1» already exists. Choose another name, or open it with File → Open database.</source>
        <translation>«%1» ya existe. Elija otro nombre o ábrala con Archivo → Abrir base de datos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Creating the database…</source>
        <translation>Creando la base de datos…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Restored from %1. The previous content was saved in %2.</source>
        <translation>Restaurada desde %1. El contenido anterior quedó guardado en %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Connecting to the server…</source>
        <translation>Conectando con el servidor…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Daily backup saved: %1</source>
        <translation>Copia de seguridad diaria guardada: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+35"/>
        <source>TalentDesk</source>
        <translation>TalentDesk</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>TalentDesk can make it and its backups readable by you only.</source>
        <translation>TalentDesk puede dejarla, con sus copias de seguridad, legible sólo para usted.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Make private</source>
        <translation>&amp;Hacerla privada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave as it is</source>
        <translation>&amp;Dejarla así</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Readable by you only now: %n file(s).</source>
        <translation>
            <numerusform>Ahora sólo usted puede leerlo: %n archivo.</numerusform>
            <numerusform>Ahora sólo usted puede leerlos: %n archivos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="+634"/>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving the members…</source>
        <translation>Guardando los miembros…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import finished.
New members: %1
Updated members: %2
Skipped rows: %3
Rows with errors (not imported): %4

The audit trail records every member created or changed.</source>
        <translation>Importación terminada.
Miembros nuevos: %1
Miembros actualizados: %2
Filas omitidas: %3
Filas con errores (no importadas): %4

La bitácora de auditoría registra cada miembro creado o modificado.</translation>
    </message>
</context>
<context>
    <name>BoardPositionDialog</name>
    <message>
        <location filename="../../ui/chapters.py" line="+223"/>
        <source>New board position — %1</source>
        <translation>Nuevo cargo en la mesa directiva — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Member</source>
        <translation>&amp;Miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Cargo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term &amp;starts</source>
        <translation>&amp;Inicio del periodo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term &amp;ends</source>
        <translation>&amp;Fin del periodo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a member from the search results.</source>
        <translation>Elija un miembro de los resultados de la búsqueda.</translation>
    </message>
</context>
<context>
    <name>CardsModel</name>
    <message numerus="yes">
        <location filename="../../ui/vinculacion/board.py" line="+71"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChapterDialog</name>
    <message>
        <location filename="../../ui/chapters.py" line="-55"/>
        <source>New chapter</source>
        <translation>Nuevo capítulo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chapter “%1”</source>
        <translation>Capítulo «%1»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>&amp;Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ountry</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Formalized on</source>
        <translation>&amp;Formalizado el</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact &amp;e-mail</source>
        <translation>Co&amp;rreo de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sec&amp;tors</source>
        <translation>Sec&amp;tores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
</context>
<context>
    <name>ChaptersArea</name>
    <message>
        <location line="-154"/>
        <source>Filter by name, city, country or president…</source>
        <translation>Filtrar por nombre, ciudad, país o presidencia…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New chapter…</source>
        <translation>&amp;Nuevo capítulo…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+42"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+41"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>President</source>
        <translation>Presidencia</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Select a chapter to see its details and board.</source>
        <translation>Seleccione un capítulo para ver sus datos y su mesa directiva.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Formalized on</source>
        <translation>Formalizado el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>Correo de contacto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sectors</source>
        <translation>Sectores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Board</source>
        <translation>Mesa directiva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add position…</source>
        <translation>&amp;Agregar cargo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove position…</source>
        <translation>&amp;Quitar cargo…</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n chapter(s)</source>
        <translation>
            <numerusform>%n capítulo</numerusform>
            <numerusform>%n capítulos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n chapter(s)</source>
        <translation>
            <numerusform>%1 de %n capítulo</numerusform>
            <numerusform>%1 de %n capítulos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+82"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-75"/>
        <source>Delete the chapter “%1”? Its %n member(s) will keep their records without a chapter, and its board will be removed. You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>¿Eliminar el capítulo «%1»? Su %n miembro conservará su registro sin capítulo y se quitará la mesa directiva. Puede deshacerlo con Ctrl+Z.</numerusform>
            <numerusform>¿Eliminar el capítulo «%1»? Sus %n miembros conservarán sus registros sin capítulo y se quitará la mesa directiva. Puede deshacerlo con Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Delete chapter</source>
        <translation>Eliminar capítulo</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Remove %1 as %2 of “%3”?</source>
        <translation>¿Quitar a %1 como %2 de «%3»?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove board position</source>
        <translation>Quitar cargo</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../ui/dashboard.py" line="+152"/>
        <location line="+30"/>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the numbers (a spreadsheet pastes them as a table)</source>
        <translation>Copiar las cifras (una hoja de cálculo las pega como tabla)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chart</source>
        <translation>Gráfica</translation>
    </message>
</context>
<context>
    <name>ChartTableModel</name>
    <message>
        <location line="-88"/>
        <source>Group</source>
        <extracomment>A chart&apos;s least height, and the room each bar of a bar chart gets (its label must fit).</extracomment>
        <translation>Grupo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Share</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Programs</source>
        <translation>Programas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jornada</source>
        <translation>Jornada</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <location filename="../../ui/widgets/columns.py" line="+35"/>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore defaults</source>
        <translation>&amp;Restablecer predeterminadas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tick the columns to show; their order is the table&apos;s, left to right.</source>
        <translation>Marque las columnas que se muestran; su orden es el de la tabla, de izquierda a derecha.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/tables.py" line="+69"/>
        <source>&amp;Columns…</source>
        <translation>&amp;Columnas…</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../ui/connect_dialog.py" line="+31"/>
        <source>Connect to server</source>
        <translation>Conectar a servidor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A PostgreSQL server shared by the office. Ask whoever runs it for its name, the database and your user.</source>
        <translation>Un servidor PostgreSQL que comparte la oficina. Pida a quien lo administra su nombre, la base de datos y su usuario.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The password is not saved: TalentDesk asks for it each time it connects.</source>
        <translation>La contraseña no se guarda: TalentDesk la pide cada vez que se conecta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ort:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Connect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Write the name or address of the server.</source>
        <translation>Escriba el nombre o la dirección del servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the name of the database.</source>
        <translation>Escriba el nombre de la base de datos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write your user on the server.</source>
        <translation>Escriba su usuario en el servidor.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/sectors.py" line="+215"/>
        <source>New contact — %1</source>
        <translation>Nuevo contacto — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact “%1”</source>
        <translation>Contacto «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. PNCS head, liaison</source>
        <translation>p. ej. titular del PNCS, enlace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+52 55 1234 5678</source>
        <translation>+52 55 1234 5678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Cargo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>Co&amp;rreo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <location filename="../../ui/members/form_pages.py" line="+172"/>
        <source>Where the member lives</source>
        <translation>Dónde vive</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Country</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;State / region</source>
        <translation>&amp;Estado / región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ity</source>
        <translation>C&amp;iudad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to reach the member</source>
        <translation>Cómo contactarle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+52 55 1234 5678</source>
        <translation>+52 55 1234 5678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>https://www.linkedin.com/in/…</source>
        <translation>https://www.linkedin.com/in/…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the international prefix, or a national number of the country above.</source>
        <translation>Con el prefijo internacional, o un número nacional del país indicado arriba.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website / LinkedIn</source>
        <translation>&amp;Sitio web / LinkedIn</translation>
    </message>
</context>
<context>
    <name>CopyEventDialog</name>
    <message>
        <location filename="../../ui/events/area.py" line="+292"/>
        <source>Copy “%1” to a new edition</source>
        <translation>Copiar «%1» a una nueva edición</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new edition gets the rooms, the agenda (without speakers or moderators), the materials and the tasks, with every date moved by the same number of days.</source>
        <translation>La nueva edición recibe las salas, la agenda (sin ponentes ni moderadores), los materiales y las tareas, con todas las fechas recorridas el mismo número de días.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Also copy the participants (invited again)</source>
        <translation>Copiar también a los participantes (invitados de nuevo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;dition</source>
        <translation>E&amp;dición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Starts on</source>
        <translation>&amp;Empieza el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the first day of the new edition.</source>
        <translation>Escriba el primer día de la nueva edición.</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../../ui/widgets/choosers.py" line="+240"/>
        <source>Type to search…</source>
        <translation>Escriba para buscar…</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseBox</name>
    <message>
        <location filename="../../ui/backups.py" line="+246"/>
        <source>Damaged database</source>
        <translation>Base de datos dañada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore the newest good backup</source>
        <translation>Restaurar la copia en buen estado más reciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a backup…</source>
        <translation>Elegir una copia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep it open (read only)</source>
        <translation>Dejarla abierta (solo lectura)</translation>
    </message>
</context>
<context>
    <name>DashboardArea</name>
    <message>
        <location filename="../../ui/dashboard.py" line="+251"/>
        <source>C&amp;lear filters</source>
        <extracomment>Labels longer than this draw a stacked chart sideways: each category on its own line. Charts as wide as the area (years or editions side by side); the others go two a row. A bar was clicked: the members list should show exactly these members. A programmes bar was clicked: the programmes list should show exactly these programmes.</extracomment>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;hapter</source>
        <translation>Ca&amp;pítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sector</source>
        <translation>&amp;Sector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;untry</source>
        <translation>Pa&amp;ís</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Years &amp;from</source>
        <translation>Años &amp;desde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;to</source>
        <translation>&amp;hasta</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+12"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Years shown in the charts by year (members joined, outcomes, Jornadas)</source>
        <translation>Años que muestran las gráficas por año (ingreso de miembros, resultados, Jornadas); las cifras de miembros son de todos los años</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Years: %1</source>
        <translation>Años: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln member(s). Click a bar to see those members.</source>
        <translation>
            <numerusform>%Ln miembro. Haga clic en una barra para ver a esos miembros.</numerusform>
            <numerusform>%Ln miembros. Haga clic en una barra para ver a esos miembros.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/widgets/choosers.py" line="-142"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/aaaa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the date in a calendar (Alt+Down)</source>
        <translation>Elegir la fecha en un calendario (Alt+Abajo)</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="-592"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matches</source>
        <translation>Coincide con</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/events/area.py" line="-65"/>
        <source>New event</source>
        <translation>Nuevo evento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event “%1”</source>
        <translation>Evento «%1»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Capital letters A–Z, up to 8. Codes read like JI27-0001: the prefix, the year&apos;s last two digits and a number.</source>
        <translation>Letras mayúsculas de la A a la Z, hasta 8. Los códigos se leen como JI27-0001: el prefijo, los dos últimos dígitos del año y un número.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;dition</source>
        <translation>E&amp;dición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Starts on</source>
        <translation>&amp;Empieza el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ends on</source>
        <translation>&amp;Termina el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>E&amp;status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Venue</source>
        <translation>&amp;Sede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant code &amp;prefix</source>
        <translation>&amp;Prefijo de los códigos de participante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descr&amp;iption</source>
        <translation>Descr&amp;ipción</translation>
    </message>
</context>
<context>
    <name>EventWorkspace</name>
    <message>
        <location filename="../../ui/events/workspace.py" line="+44"/>
        <source>← All events</source>
        <translation>← Todos los eventos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit &amp;event…</source>
        <translation>Editar &amp;evento…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistics</source>
        <translation>Logística</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials and tasks</source>
        <translation>Materiales y tareas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Participants (%1)</source>
        <translation>Participantes (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review (%1)</source>
        <translation>Revisión (%1)</translation>
    </message>
</context>
<context>
    <name>EventsArea</name>
    <message>
        <location filename="../../ui/events/area.py" line="-213"/>
        <source>Filter by name, edition or city…</source>
        <translation>Filtrar por nombre, edición o ciudad…</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edition</source>
        <translation>Edición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;New event…</source>
        <translation>&amp;Nuevo evento…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy to a new edition…</source>
        <translation>&amp;Copiar a una nueva edición…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Events</source>
        <translation>Jornadas</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 de %n evento</numerusform>
            <numerusform>%1 de %n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Delete the event “%1” with its agenda, rooms, materials, tasks and %n participant(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>¿Eliminar el evento «%1» con su agenda, salas, materiales, tareas y %n participante? Puede deshacerlo con Ctrl+Z.</numerusform>
            <numerusform>¿Eliminar el evento «%1» con su agenda, salas, materiales, tareas y %n participantes? Puede deshacerlo con Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Delete event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>TalentDesk</source>
        <translation>TalentDesk</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../ui/exports/actions.py" line="+91"/>
        <source>There are no events yet: create one in Events first.</source>
        <translation>Aún no hay eventos: cree uno en Jornadas primero.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose an event</source>
        <translation>Elegir un evento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event:</source>
        <translation>Evento:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/exports/dialog.py" line="+72"/>
        <source>Export: %1</source>
        <translation>Exportar: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+210"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>&amp;Preview…</source>
        <translation>&amp;Vista previa…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Event: %1</source>
        <translation>Evento: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts with their numbers, counted when you export.</source>
        <translation>Gráficas con sus cifras, contadas al exportar.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1: %n row(s) shown with the current filter, of %2</source>
        <translation>
            <numerusform>%1: %n renglón que se muestra con el filtro actual, de %2</numerusform>
            <numerusform>%1: %n renglones que se muestran con el filtro actual, de %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n renglón</numerusform>
            <numerusform>%1: %n renglones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members by chapter, sector, country and degree, with charts.</source>
        <translation>Miembros por capítulo, sector, país y nivel de estudios, con gráficas.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>List “%1”: %n member(s)</source>
        <translation>
            <numerusform>Lista «%1»: %n miembro</numerusform>
            <numerusform>Lista «%1»: %n miembros</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The members shown in the table</source>
        <translation>Los miembros que muestra la tabla</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n member(s) shown (current search and filters)</source>
        <translation>
            <numerusform>%n miembro que se muestra (búsqueda y filtros actuales)</numerusform>
            <numerusform>%n miembros que se muestran (búsqueda y filtros actuales)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All %n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>Los %n miembros</numerusform>
        </translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>with the columns and the order of the table.</source>
        <translation>con las columnas y el orden de la tabla.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preparing the preview…</source>
        <translation>Preparando la vista previa…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>ExportKind</name>
    <message>
        <location filename="../../ui/exports/kinds.py" line="+339"/>
        <source>Members table as shown</source>
        <extracomment>A saved list shown (or exported) instead of the search: its name and members. The sector, chapter or year a report is about. Other accounts of the computer may read the finished file (default: its owner only). What the Export menu and the dialog call each kind (English source, translated in context &quot;ExportKind&quot;); the rest of an entry comes from ``exports/kinds.py``.</extracomment>
        <translation>Tabla de miembros como se ve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members, all fields</source>
        <translation>Miembros, todos los datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member directory (PDF)</source>
        <translation>Directorio de miembros (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooming list</source>
        <translation>Lista de hospedaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrivals and departures</source>
        <translation>Llegadas y salidas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials and tasks</source>
        <translation>Materiales y tareas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name badges (PDF)</source>
        <translation>Gafetes (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendee packets (PDF)</source>
        <translation>Paquetes de bienvenida (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates of participation (PDF)</source>
        <translation>Constancias de participación (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in sheets (PDF)</source>
        <translation>Listas de asistencia (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda (PDF)</source>
        <translation>Agenda (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table as shown</source>
        <translation>Tabla como se ve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard (PDF)</source>
        <translation>Tablero (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard (spreadsheet)</source>
        <translation>Tablero (hoja de cálculo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector report (PDF)</source>
        <translation>Reporte sectorial (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector report (spreadsheet)</source>
        <translation>Reporte sectorial (hoja de cálculo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter report (PDF)</source>
        <translation>Reporte de capítulo (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter report (spreadsheet)</source>
        <translation>Reporte de capítulo (hoja de cálculo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual report of the network (PDF)</source>
        <translation>Informe anual de la Red (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People of the program</source>
        <translation>Personas del programa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates of the need</source>
        <translation>Candidatos de la solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranked members</source>
        <translation>Miembros por puntaje</translation>
    </message>
</context>
<context>
    <name>ExportLogDialog</name>
    <message>
        <location filename="../../ui/privacy/export_log.py" line="+59"/>
        <source>Export log</source>
        <extracomment>The newest entries the window lists (the CLI can list them all).</extracomment>
        <translation>Bitácora de exportaciones</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every export that carried personal data: who made it, when, which document, how many people, with which filters and to which file. Failed or cancelled exports are not listed.</source>
        <translation>Cada exportación que llevó datos personales: quién la hizo, cuándo, qué documento, cuántas personas, con qué filtros y a qué archivo. Las exportaciones fallidas o canceladas no aparecen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(everyone)</source>
        <translation>(todos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the exports that included the member with this id</source>
        <translation>Sólo las exportaciones que incluyeron al miembro con este id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Included &amp;member (id):</source>
        <translation>&amp;Miembro incluido (id):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show</source>
        <translation>M&amp;ostrar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n export(s) included this member</source>
        <translation>
            <numerusform>%n exportación incluyó a este miembro</numerusform>
            <numerusform>%n exportaciones incluyeron a este miembro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The newest %1 of %n export(s)</source>
        <translation>
            <numerusform>Las %1 más recientes de %n exportación</numerusform>
            <numerusform>Las %1 más recientes de %n exportaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n export(s)</source>
        <translation>
            <numerusform>%n exportación</numerusform>
            <numerusform>%n exportaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <location filename="../../ui/exports/running.py" line="+53"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="+146"/>
        <source>Choose the file</source>
        <translation>Elija el archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An Excel workbook (.xlsx) or a CSV file with one member per row.</source>
        <translation>Un libro de Excel (.xlsx) o un archivo CSV con un miembro por fila.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import members</source>
        <translation>Importar miembros</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Hojas de cálculo (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n data row(s), %1 column(s).</source>
        <translation>
            <numerusform>%n fila de datos, %1 columna(s).</numerusform>
            <numerusform>%n filas de datos, %1 columna(s).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sheet: %1</source>
        <translation>Hoja: %1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/widgets/record_dialog.py" line="+174"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%n field(s) need attention: see the messages in red.</source>
        <translation>
            <numerusform>%n campo requiere atención: vea los mensajes en rojo.</numerusform>
            <numerusform>%n campos requieren atención: vea los mensajes en rojo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Discard the changes you made?</source>
        <translation>¿Descartar los cambios que hizo?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../ui/members/form_history.py" line="+21"/>
        <source>No programs, needs or Jornadas yet.</source>
        <translation>Todavía sin programas, solicitudes ni Jornadas.</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <location filename="../../ui/widgets/history.py" line="+28"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No programs, needs or Jornadas yet.</source>
        <translation>Todavía sin programas, solicitudes ni Jornadas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Data</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histor&amp;y</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../ui/imports/history.py" line="+41"/>
        <source>Import history</source>
        <translation>Historial de importaciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Undoing an import deletes the members it created and puts back the data it changed, as long as nobody changed them since.</source>
        <translation>Deshacer una importación elimina a los miembros que creó y restaura los datos que cambió, siempre que nadie los haya cambiado desde entonces.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo import…</source>
        <translation>&amp;Deshacer importación…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>In effect</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undone on %1</source>
        <translation>Deshecha el %1</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Undo the import of “%1” (%2)? It deletes the %n member(s) it created and puts back the data it changed (%3 member(s)). It cannot be redone; you can import the file again.</source>
        <translation>
            <numerusform>¿Deshacer la importación de «%1» (%2)? Se elimina %n miembro que creó y se restauran los datos que cambió (miembros: %3). No se puede rehacer; puede volver a importar el archivo.</numerusform>
            <numerusform>¿Deshacer la importación de «%1» (%2)? Se eliminan los %n miembros que creó y se restauran los datos que cambió (miembros: %3). No se puede rehacer; puede volver a importar el archivo.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+16"/>
        <source>Undo import</source>
        <translation>Deshacer importación</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="+429"/>
        <source>Import members</source>
        <translation>Importar miembros</translation>
    </message>
</context>
<context>
    <name>LodgingDialog</name>
    <message>
        <location filename="../../ui/events/participants.py" line="+96"/>
        <source>Lodging — %1</source>
        <translation>Hospedaje — %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(nobody)</source>
        <translation>(nadie)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Hotel</source>
        <translation>&amp;Hotel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Room</source>
        <translation>&amp;Habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-&amp;in</source>
        <translation>&amp;Entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-&amp;out</source>
        <translation>&amp;Salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Shares room with</source>
        <translation>&amp;Comparte habitación con</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Confirmation</source>
        <translation>&amp;Confirmación</translation>
    </message>
</context>
<context>
    <name>LogisticsTab</name>
    <message>
        <location filename="../../ui/events/logistics.py" line="+208"/>
        <source>Arrivals</source>
        <translation>Llegadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departures</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+125"/>
        <source>Select a night and hotel to see its guests.</source>
        <translation>Seleccione una noche y un hotel para ver sus huéspedes.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Hotel occupancy per night</source>
        <translation>Ocupación de hotel por noche</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Airline</source>
        <translation>Aerolínea</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Everyone not declined or cancelled</source>
        <extracomment>Who Logística shows unless a status is chosen: everyone not declined or cancelled.</extracomment>
        <translation>Todos, salvo quien declinó o canceló</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tatus:</source>
        <translation>&amp;Estatus:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Airport</source>
        <translation>Aeropuerto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>All days</source>
        <translation>Todos los días</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n traveller(s)</source>
        <translation>
            <numerusform>%n viajero</numerusform>
            <numerusform>%n viajeros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n need(s) a transfer</source>
        <translation>
            <numerusform>%n necesita traslado</numerusform>
            <numerusform>%n necesitan traslado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Night of %1, %2: %n guest(s)</source>
        <translation>
            <numerusform>Noche del %1, %2: %n huésped</numerusform>
            <numerusform>Noche del %1, %2: %n huéspedes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+60"/>
        <source>TalentDesk — Red de Talentos Mexicanos</source>
        <translation>TalentDesk — Red de Talentos Mexicanos</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 (read only)</source>
        <translation>%1 (solo lectura)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(read only)</source>
        <translation>(solo lectura)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About TalentDesk</source>
        <translation>&amp;Acerca de TalentDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Abrir base de datos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New data&amp;base…</source>
        <translation>Nueva &amp;base de datos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to &amp;server…</source>
        <translation>&amp;Conectar a servidor…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;tore…</source>
        <translation>Res&amp;taurar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export what is shown…</source>
        <translation>&amp;Exportar lo que se ve…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Recent databases</source>
        <translation>Bases &amp;recientes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;log…</source>
        <translation>&amp;Bitácora de exportaciones…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>TalentDesk databases (*.sqlite *.db)</source>
        <translation>Bases de datos de TalentDesk (*.sqlite *.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New database</source>
        <translation>Nueva base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new-database.sqlite</source>
        <translation>nueva-base.sqlite</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (damaged: read only)</source>
        <translation>%1 (dañada: solo lectura)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(not found)</source>
        <translation>(no se encuentra)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preferences saved.</source>
        <translation>Preferencias guardadas.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 members · %2 chapters · %3 organizations</source>
        <translation>%1 miembros · %2 capítulos · %3 organizaciones</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TalentDesk</source>
        <translation>TalentDesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About TalentDesk</source>
        <translation>Acerca de TalentDesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;TalentDesk %1&lt;/b&gt;&lt;br&gt;Administration of the Red de Talentos Mexicanos (Instituto de los Mexicanos en el Exterior).&lt;br&gt;Demo data is generated: it belongs to no real person.</source>
        <translation>&lt;b&gt;TalentDesk %1&lt;/b&gt;&lt;br&gt;Administración de la Red de Talentos Mexicanos (Instituto de los Mexicanos en el Exterior).&lt;br&gt;Los datos de demostración son generados: no pertenecen a ninguna persona real.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Font: DejaVu Sans (free licence, shipped with the application).</source>
        <translation>Tipo de letra: DejaVu Sans (licencia libre, incluido con la aplicación).</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="-410"/>
        <source>Match the columns</source>
        <translation>Asigne las columnas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say which member field each column of the file holds.</source>
        <translation>Indique qué dato del miembro contiene cada columna del archivo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name to save this mapping as</source>
        <translation>Nombre con el que guardar esta asignación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mapping</source>
        <translation>Guardar asignación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved mapping:</source>
        <translation>Asignación guardada:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as:</source>
        <translation>Guardar como:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(do not import)</source>
        <translation>(no importar)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>(guessed from the headers)</source>
        <translation>(deducida de los encabezados)</translation>
    </message>
</context>
<context>
    <name>MaterialDialog</name>
    <message>
        <location filename="../../ui/events/materials.py" line="+297"/>
        <source>New material</source>
        <translation>Nuevo material</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Material “%1”</source>
        <translation>Material «%1»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Material</source>
        <translation>&amp;Material</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantity</source>
        <translation>&amp;Cantidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Responsible</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>&amp;Estatus</translation>
    </message>
</context>
<context>
    <name>MaterialsTab</name>
    <message>
        <location line="-223"/>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <source>Responsible</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add material…</source>
        <translation>&amp;Agregar material…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Status</source>
        <translation>&amp;Estatus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials</source>
        <translation>Materiales</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add &amp;task…</source>
        <translation>Agregar &amp;tarea…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed&amp;it…</source>
        <translation>Ed&amp;itar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mark done / not done</source>
        <translation>&amp;Marcar hecha / pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n material(s)</source>
        <translation>
            <numerusform>%n material</numerusform>
            <numerusform>%n materiales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n ready</source>
        <translation>
            <numerusform>%n listo</numerusform>
            <numerusform>%n listos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n tarea</numerusform>
            <numerusform>%n tareas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n done</source>
        <translation>
            <numerusform>%n hecha</numerusform>
            <numerusform>%n hechas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Delete material</source>
        <translation>Eliminar material</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Delete “%1”? You can undo it with Ctrl+Z.</source>
        <translation>¿Eliminar «%1»? Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Delete task</source>
        <translation>Eliminar tarea</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/members/form.py" line="+86"/>
        <source>Personal data</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education and work</source>
        <translation>Estudios y trabajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Save or discard the changes of this member before anonymizing it.</source>
        <translation>Guarde o descarte los cambios de este miembro antes de anonimizarlo.</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>This member was anonymized on %1: their personal data was removed for good and cannot be recorded again. Only the chapter, sectors, country, degree, status and date joined remain, for statistics.</source>
        <translation>Este miembro se anonimizó el %1: sus datos personales se eliminaron para siempre y no se pueden volver a registrar. Sólo quedan el capítulo, los sectores, el país, los estudios, el estatus y la fecha de ingreso, para estadísticas.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>New member</source>
        <translation>Nuevo miembro</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>This member has changes that are not saved. Save them?</source>
        <translation>Este miembro tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../../ui/widgets/member_picker.py" line="+76"/>
        <source>Type a name, e-mail or employer…</source>
        <translation>Escriba un nombre, correo o empleador…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Do not contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>First %1 of %n member(s): type more to narrow the search.</source>
        <translation>
            <numerusform>Los primeros %1 de %n miembro: escriba más para acotar la búsqueda.</numerusform>
            <numerusform>Los primeros %1 de %n miembros: escriba más para acotar la búsqueda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n member(s) found</source>
        <translation>
            <numerusform>%n miembro encontrado</numerusform>
            <numerusform>%n miembros encontrados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <location filename="../../ui/members/model.py" line="+36"/>
        <source>Paternal surname</source>
        <extracomment>English source headers, marked for lupdate (translated in headerData); keys follow COLUMNS.</extracomment>
        <translation>Apellido paterno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maternal surname</source>
        <translation>Apellido materno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State / region</source>
        <translation>Estado / región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main sector</source>
        <translation>Sector principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Estudios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In directories</source>
        <translation>En directorios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
</context>
<context>
    <name>MembersArea</name>
    <message>
        <location filename="../../ui/members/area.py" line="+79"/>
        <source>Search by name, e-mail, employer, job title, city or expertise…</source>
        <translation>Buscar por nombre, correo, empleador, puesto, ciudad o especialidad…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>All members</source>
        <translation>Todos los miembros</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(all)</source>
        <translation>(todos)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Estudios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offers</source>
        <translation>Ofrece</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In directories</source>
        <translation>En directorios</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set chapter…</source>
        <translation>Asignar capítulo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add sector…</source>
        <translation>Agregar sector…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove sector…</source>
        <translation>Quitar sector…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set status…</source>
        <translation>Cambiar estatus…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save search as a list…</source>
        <translation>Guardar búsqueda como lista…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save selection as a list…</source>
        <translation>Guardar selección como lista…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to list…</source>
        <translation>Agregar a lista…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove from this list</source>
        <translation>Quitar de esta lista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import members…</source>
        <translation>Importar miembros…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import history…</source>
        <translation>Historial de importaciones…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge duplicates…</source>
        <translation>Combinar duplicados…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export personal data…</source>
        <translation>Exportar datos de la persona…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anonymize…</source>
        <translation>Anonimizar…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Type letters or numbers</source>
        <translation>Escriba letras o números</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+72"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+63"/>
        <source>Search failed</source>
        <translation>La búsqueda falló</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>List “%1”: loading…</source>
        <translation>Lista «%1»: cargando…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Saved search “%1” (run now): %2</source>
        <translation>Búsqueda guardada «%1» (ejecutada ahora): %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fixed list “%1”</source>
        <translation>Lista fija «%1»</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n anonymised member(s) not shown</source>
        <translation>
            <numerusform>%n miembro anonimizado no se muestra</numerusform>
            <numerusform>%n miembros anonimizados no se muestran</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name of the list:</source>
        <translation>Nombre de la lista:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A saved list is shown: go back to all members to save a search.</source>
        <translation>Se muestra una lista guardada: vuelva a todos los miembros para guardar una búsqueda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save search as a list</source>
        <translation>Guardar búsqueda como lista</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select the members of the list in the table first.</source>
        <translation>Primero seleccione en la tabla a los miembros de la lista.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Save %n selected member(s) as a list</source>
        <translation>
            <numerusform>Guardar %n miembro seleccionado como lista</numerusform>
            <numerusform>Guardar %n miembros seleccionados como lista</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no fixed list yet: save the selection as a list.</source>
        <translation>Todavía no hay listas fijas: guarde la selección como lista.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to list</source>
        <translation>Agregar a lista</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>List for %n member(s):</source>
        <translation>
            <numerusform>Lista para %n miembro:</numerusform>
            <numerusform>Lista para %n miembros:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Load %1 generated demo members, with demo chapters, organisations and an event? They belong to no real person.

This cannot be undone with Ctrl+Z: to be rid of them, start a new database (File ▸ New database…).</source>
        <translation>¿Cargar %1 miembros de demostración generados, con capítulos, organizaciones y una Jornada de demostración? No pertenecen a ninguna persona real.

No se puede deshacer con Ctrl+Z: para quitarlos, empiece una base de datos nueva (Archivo ▸ Nueva base de datos…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load demo data</source>
        <translation>Cargar datos de demostración</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>(no chapter)</source>
        <translation>(sin capítulo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set chapter</source>
        <translation>Asignar capítulo</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Chapter for %n member(s):</source>
        <translation>
            <numerusform>Capítulo para %n miembro:</numerusform>
            <numerusform>Capítulo para %n miembros:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set status</source>
        <translation>Cambiar estatus</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Status for %n member(s):</source>
        <translation>
            <numerusform>Estatus para %n miembro:</numerusform>
            <numerusform>Estatus para %n miembros:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add sector</source>
        <translation>Agregar sector</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove sector</source>
        <translation>Quitar sector</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Sector for %n member(s):</source>
        <translation>
            <numerusform>Sector para %n miembro:</numerusform>
            <numerusform>Sector para %n miembros:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete members</source>
        <translation>Eliminar miembros</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n member(s)? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>¿Eliminar %n miembro? Puede deshacerlo con Ctrl+Z.</numerusform>
            <numerusform>¿Eliminar %n miembros? Puede deshacerlo con Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/imports/merge.py" line="+64"/>
        <location line="+121"/>
        <source>Merge duplicate members</source>
        <translation>Combinar miembros duplicados</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Merge</source>
        <translation>Combinar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Member to keep:</source>
        <translation>Miembro que se conserva:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 will be deleted. Its sectors and contributions are added to the kept member, and its event participations and board positions move to it. The audit trail records the merge.</source>
        <translation>Se eliminará a %1. Sus sectores y aportaciones se suman al miembro que se conserva, y sus participaciones en eventos y cargos en mesas directivas pasan a él. La bitácora de auditoría registra la combinación.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Merge the two members and delete %1? You can undo it with Ctrl+Z.</source>
        <translation>¿Combinar los dos miembros y eliminar a %1? Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Given names</source>
        <translation>Nombre(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paternal surname</source>
        <translation>Apellido paterno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maternal surname</source>
        <translation>Apellido materno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State / region</source>
        <translation>Estado / región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expertise</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field of study</source>
        <translation>Área de estudio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent source</source>
        <translation>Origen del consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Nivel de estudios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joined on</source>
        <translation>Fecha de ingreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent date</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In directories</source>
        <translation>Aparece en directorios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printable data</source>
        <translation>Datos que se pueden imprimir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
</context>
<context>
    <name>MomentField</name>
    <message>
        <location filename="../../ui/widgets/choosers.py" line="+72"/>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>dd/mm/aaaa hh:mm</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <location filename="../../ui/vinculacion/needs.py" line="+288"/>
        <source>New need</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Need “%1”</source>
        <translation>Solicitud «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requested by &amp;PNCS</source>
        <translation>La pide el P&amp;NCS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>or by &amp;organization</source>
        <translation>o la &amp;organización</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sec&amp;tors wanted</source>
        <translation>&amp;Sectores buscados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keywords</source>
        <translation>&amp;Palabras clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. biotechnology, vaccines</source>
        <translation>p. ej. biotecnología, vacunas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Co&amp;untry</source>
        <translation>P&amp;aís</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cit&amp;y</source>
        <translation>Ciu&amp;dad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hapter</source>
        <translation>&amp;Capítulo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+4"/>
        <source>(any)</source>
        <translation>(cualquiera)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Co&amp;ntribution</source>
        <translation>Aporta&amp;ción</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Least &amp;degree</source>
        <translation>&amp;Estudios mínimos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Languages</source>
        <translation>&amp;Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. en, fr</source>
        <translation>p. ej. inglés, francés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>People &amp;wanted</source>
        <translation>Personas &amp;buscadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From</source>
        <translation>Des&amp;de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;o</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pro&amp;gram</source>
        <translation>Pro&amp;grama</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Descr&amp;iption</source>
        <translation>Desc&amp;ripción</translation>
    </message>
</context>
<context>
    <name>NeedsList</name>
    <message>
        <location line="-306"/>
        <location line="+27"/>
        <source>Needs</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Need</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>Requested by</source>
        <translation>La pide</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+56"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+54"/>
        <source>Wanted</source>
        <translation>Buscadas</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+99"/>
        <source>Candidates</source>
        <translation>Candidatos</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Accepted</source>
        <translation>Aceptados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search by title, who asks, keywords or place…</source>
        <translation>Buscar por título, quién pide, palabras clave o lugar…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n need(s)</source>
        <translation>
            <numerusform>%n solicitud</numerusform>
            <numerusform>%n solicitudes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n need(s)</source>
        <translation>
            <numerusform>%1 de %n solicitud</numerusform>
            <numerusform>%1 de %n solicitudes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New need…</source>
        <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete need</source>
        <translation>Eliminar solicitud</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the need “%1” and its candidates? People it brought into a program stay there. You can undo it with Ctrl+Z.</source>
        <translation>¿Eliminar la solicitud «%1» y sus candidatos? Las personas que sumó a un programa se quedan en él. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All statuses</source>
        <translation>Todos los estatus</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a need to see who is wanted and its candidates.</source>
        <translation>Elija una solicitud para ver a quién se busca y sus candidatos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contribution</source>
        <translation>Aportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least degree</source>
        <translation>Estudios mínimos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find talent…</source>
        <translation>&amp;Buscar talento…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark as…</source>
        <translation>Marcar como…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Contac&amp;ted</source>
        <translation>Con&amp;tactado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interested</source>
        <translation>&amp;Interesado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accepted</source>
        <translation>&amp;Aceptado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;clined</source>
        <translation>De&amp;clinó</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted into the &amp;program</source>
        <translation>Aceptados al &amp;programa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport candidates…</source>
        <translation>E&amp;xportar candidatos…</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This need has no program: choose one with Edit… (field Program) first.</source>
        <translation>Esta solicitud no tiene programa: elija uno con Editar… (campo Programa) primero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No candidate is at the stage Accepted yet.</source>
        <translation>Todavía ningún candidato está en la etapa Aceptado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adds the accepted candidates to the people of “%1”.</source>
        <translation>Suma los candidatos aceptados a las personas de «%1».</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Remove %n candidate(s) from the need? You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>¿Quitar %n candidato de la solicitud? Puede deshacerlo con Ctrl+Z.</numerusform>
            <numerusform>¿Quitar %n candidatos de la solicitud? Puede deshacerlo con Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove candidates</source>
        <translation>Quitar candidatos</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Candidates of the need “%1”: %n candidate(s).</source>
        <translation>
            <numerusform>Candidatos de la solicitud «%1»: %n candidato.</numerusform>
            <numerusform>Candidatos de la solicitud «%1»: %n candidatos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../ui/members/form_pages.py" line="+115"/>
        <source>(no chapter)</source>
        <translation>(sin capítulo)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hapter</source>
        <translation>C&amp;apítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>E&amp;status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Joined on</source>
        <translation>&amp;Ingresó el</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sectors</source>
        <translation>Sectores</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Contributions offered</source>
        <translation>Aportaciones que ofrece</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <location line="+81"/>
        <source>Anything the team should know about this member</source>
        <translation>Lo que el equipo deba saber sobre este miembro</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <location filename="../../ui/exports/options_form.py" line="+61"/>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>Only the %n selected member(s)</source>
        <translation>
            <numerusform>Sólo %n miembro seleccionado</numerusform>
            <numerusform>Sólo los %n miembros seleccionados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Only the %n selected participant(s)</source>
        <translation>
            <numerusform>Sólo %n participante seleccionado</numerusform>
            <numerusform>Sólo los %n participantes seleccionados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Only the %n member(s) shown (current search and filters)</source>
        <translation>
            <numerusform>Sólo %n miembro que se muestra (búsqueda y filtros actuales)</numerusform>
            <numerusform>Sólo los %n miembros que se muestran (búsqueda y filtros actuales)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the members shown (current search and filters)</source>
        <translation>Sólo los miembros que se muestran (búsqueda y filtros actuales)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy for outside IME</source>
        <translation>Copia para fuera del IME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The copy for outside IME lists only members who agreed to appear in directories, each with only the contact details they allowed, and leaves out notes and internal fields.</source>
        <translation>La copia para fuera del IME sólo incluye a quienes aceptaron aparecer en directorios, de cada uno sólo los datos de contacto que permitió, y omite notas y campos internos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main sector</source>
        <translation>Sector principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country of residence</source>
        <translation>País de residencia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Group by:</source>
        <translation>&amp;Agrupar por:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave empty for the standard title</source>
        <translation>Vacío: el título de siempre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every day of the event (one sheet per day)</source>
        <translation>Cada día del evento (una lista por día)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Day: %1</source>
        <translation>Día: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session: %1</source>
        <translation>Sesión: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sheets for:</source>
        <translation>&amp;Listas de:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Label sheet:</source>
        <translation>&amp;Hoja de etiquetas:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Start at &amp;label:</source>
        <translation>Empezar en la eti&amp;queta:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>down</source>
        <translation>abajo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printer &amp;offset:</source>
        <translation>A&amp;juste de impresora:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print cut &amp;marks</source>
        <translation>Imprimir &amp;marcas de corte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One file per participant, in a folder</source>
        <translation>Un archivo por participante, en una carpeta</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The badge page of each packet has the size of one of these labels.</source>
        <translation>La página del gafete de cada paquete tiene el tamaño de una de estas etiquetas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Badge size:</source>
        <translation>Tamaño del &amp;gafete:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Carta (8.5 × 11 in)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paper:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only members who agreed to appear in directories are printed, each with only the contact details they allowed.</source>
        <translation>Sólo se imprimen los miembros que aceptaron aparecer en directorios, cada uno con sólo los datos de contacto que permitió.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All members</source>
        <translation>Todos los miembros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters:</source>
        <translation>Filtros:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Sector:</source>
        <translation>&amp;Sector:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Chapter:</source>
        <translation>&amp;Capítulo:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Year:</source>
        <translation>&amp;Año:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Move everything by this much if the printer does not print where the labels are.</source>
        <translation>Desplaza todo esta distancia si la impresora no imprime donde están las etiquetas.</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>of %n on the sheet (for a partly used sheet)</source>
        <translation>
            <numerusform>de %n en la hoja (para una hoja ya usada en parte)</numerusform>
            <numerusform>de %n en la hoja (para una hoja ya usada en parte)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <location filename="../../ui/organizations.py" line="+113"/>
        <source>New organization</source>
        <translation>Nueva organización</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization “%1”</source>
        <translation>Organización «%1»</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+52 55 1234 5678</source>
        <translation>+52 55 1234 5678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tate</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;City</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact &amp;person</source>
        <translation>&amp;Persona de contacto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact &amp;e-mail</source>
        <translation>Co&amp;rreo de contacto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact p&amp;hone</source>
        <translation>Te&amp;léfono de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sec&amp;tors</source>
        <translation>&amp;Sectores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
</context>
<context>
    <name>OrganizationsArea</name>
    <message>
        <location line="-80"/>
        <source>Search by name, city, state or contact…</source>
        <translation>Buscar por nombre, ciudad, estado o contacto…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>&amp;New organization…</source>
        <translation>&amp;Nueva organización…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sectors</source>
        <translation>Sectores</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Organizations</source>
        <translation>Organizaciones</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n organization(s)</source>
        <translation>
            <numerusform>%n organización</numerusform>
            <numerusform>%n organizaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n organization(s)</source>
        <translation>
            <numerusform>%1 de %n organización</numerusform>
            <numerusform>%1 de %n organizaciones</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the organization “%1”? You can undo it with Ctrl+Z.</source>
        <translation>¿Eliminar la organización «%1»? Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Delete organization</source>
        <translation>Eliminar organización</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/vinculacion/programs.py" line="+549"/>
        <source>Add an outcome — %1</source>
        <translation>Agregar un resultado — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 12</source>
        <translation>p. ej. 12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quantity</source>
        <translation>&amp;Cantidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date</source>
        <translation>&amp;Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Narrative</source>
        <translation>&amp;Narrativa</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <location filename="../../ui/events/participants.py" line="-104"/>
        <source>New guest</source>
        <translation>Nuevo invitado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Participant “%1”</source>
        <translation>Participante «%1»</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given names</source>
        <translation>&amp;Nombre(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paternal surname</source>
        <translation>Apellido &amp;paterno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maternal surname</source>
        <translation>Apellido &amp;materno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organization</source>
        <translation>&amp;Organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Country</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dietary needs</source>
        <translation>Necesidades &amp;alimentarias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accessibility needs</source>
        <translation>Necesidades de &amp;accesibilidad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <location line="-380"/>
        <source>Filter by name, code, organization or e-mail…</source>
        <extracomment>Exports offered on the participants&apos; context menu: they can take just the selected people.</extracomment>
        <translation>Filtrar por nombre, código, organización o correo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(all statuses)</source>
        <translation>(todos los estatus)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(all roles)</source>
        <translation>(todos los roles)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrival</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hotel</source>
        <translation>Hotel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add &amp;member…</source>
        <translation>Agregar &amp;miembro…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;guest…</source>
        <translation>Agregar &amp;invitado…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Travel…</source>
        <translation>&amp;Viaje…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lodging…</source>
        <translation>&amp;Hospedaje…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change &amp;status</source>
        <translation>Cambiar &amp;estatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participante</numerusform>
            <numerusform>%n participantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 of %n participant(s)</source>
        <translation>
            <numerusform>%1 de %n participante</numerusform>
            <numerusform>%1 de %n participantes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+73"/>
        <source>No status change is possible</source>
        <translation>No es posible ningún cambio de estatus</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Remove %1 from the event? Their travel, lodging and status history go too. You can undo it with Ctrl+Z.</source>
        <translation>¿Quitar a %1 del evento? También se quitan su viaje, hospedaje e historial de estatus. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Remove %n participant(s) from the event? Their travel, lodging and status history go too. You can undo it with Ctrl+Z.</source>
        <translation>
            <numerusform>¿Quitar %n participante del evento? También se quitan su viaje, hospedaje e historial de estatus. Puede deshacerlo con Ctrl+Z.</numerusform>
            <numerusform>¿Quitar %n participantes del evento? También se quitan sus viajes, hospedajes e historiales de estatus. Puede deshacerlo con Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+5"/>
        <source>Status not changed</source>
        <translation>Estatus sin cambiar</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Nobody was changed:</source>
        <translation>No se cambió a nadie:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travel…</source>
        <translation>Viaje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lodging…</source>
        <translation>Hospedaje…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change status</source>
        <translation>Cambiar estatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Remove participants</source>
        <translation>Quitar participantes</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/vinculacion/programs.py" line="-42"/>
        <source>Add a person — %1</source>
        <translation>Agregar una persona — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Member</source>
        <translation>&amp;Miembro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours given</source>
        <translation>H&amp;oras dedicadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a member from the search results.</source>
        <translation>Elija un miembro de los resultados de la búsqueda.</translation>
    </message>
</context>
<context>
    <name>PersonalDataDialog</name>
    <message>
        <location filename="../../ui/privacy/member_rights.py" line="-265"/>
        <source>Personal data</source>
        <translation>Datos de la persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Personal data of %1</source>
        <translation>Datos personales de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Right of access: everything TalentDesk holds about %1 — their data, consent and its history, chapters and boards, Jornadas, certificates, the audit entries about them and the exports that included them — as a readable PDF and a JSON file. The export is recorded in the export log.</source>
        <translation>Derecho de acceso: todo lo que TalentDesk guarda de %1 —sus datos, su consentimiento y su historial, capítulos y mesas directivas, Jornadas, constancias, la bitácora de sus registros y las exportaciones que lo incluyeron— en un PDF legible y un archivo JSON. La exportación queda en la bitácora de exportaciones.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder for the two files</source>
        <translation>Carpeta para los dos archivos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the folder for the two files.</source>
        <translation>Elija la carpeta para los dos archivos.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved “%1” and “%2” in %3.</source>
        <translation>Se guardaron «%1» y «%2» en %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Personal data exported</source>
        <translation>Datos de la persona exportados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Exportación cancelada; no se escribió ningún archivo.</translation>
    </message>
</context>
<context>
    <name>PersonalPage</name>
    <message>
        <location filename="../../ui/members/form_pages.py" line="-260"/>
        <source>How the member likes to be called</source>
        <translation>Cómo prefiere que le llamen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given names *</source>
        <translation>&amp;Nombre(s) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paternal surname *</source>
        <translation>Apellido &amp;paterno *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maternal surname</source>
        <translation>Apellido &amp;materno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;referred name</source>
        <translation>Nombre &amp;preferido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gen&amp;der</source>
        <translation>Gé&amp;nero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields marked * are required.</source>
        <translation>Los campos marcados con * son obligatorios.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="+51"/>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change of language takes effect when TalentDesk restarts.</source>
        <translation>El cambio de idioma se aplica al reiniciar TalentDesk.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Welcome letter&lt;/b&gt; of the attendee packets</source>
        <translation>&lt;b&gt;Carta de bienvenida&lt;/b&gt; de los paquetes para participantes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fields in braces, such as {nombre}, are replaced for each participant. Double-click a field below to insert it where the cursor is.</source>
        <translation>Los campos entre llaves, como {nombre}, se sustituyen para cada participante. Haga doble clic en un campo de la lista para insertarlo donde está el cursor.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replaced by</source>
        <translation>Se sustituye por</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Restore default</source>
        <translation>&amp;Restaurar el texto original</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fields:</source>
        <translation>Campos:</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../ui/exports/preview.py" line="+39"/>
        <source>Preview: %1</source>
        <translation>Vista previa: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>of %n page(s)</source>
        <translation>
            <numerusform>de %n página</numerusform>
            <numerusform>de %n páginas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page width</source>
        <translation>Ancho de página</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print at 100 % (Ctrl+P): labels and badges stay where they belong</source>
        <translation>Imprimir al 100 % (Ctrl+P): etiquetas y gafetes quedan en su lugar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/imports/wizard.py" line="+33"/>
        <source>Check before importing</source>
        <translation>Revise antes de importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been saved yet. Choose what to do with each duplicate.</source>
        <translation>Todavía no se ha guardado nada. Elija qué hacer con cada duplicado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Only the valid rows (skip the rows with problems)</source>
        <translation>Sólo las filas válidas (omitir las filas con problemas)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save error report…</source>
        <translation>Guardar informe de errores…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Problems:</source>
        <translation>Problemas:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Possible duplicates (double-click the action to change it):</source>
        <translation>Posibles duplicados (doble clic en la acción para cambiarla):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking every row…</source>
        <translation>Revisando cada fila…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking the file…</source>
        <translation>Revisando el archivo…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Row %1, column “%2”: %3</source>
        <translation>Fila %1, columna «%2»: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Rows: %1 · New: %2 · Updates: %3 · Duplicates: %4 · Skipped: %5 · With errors: %6</source>
        <translation>Filas: %1 · Nuevos: %2 · Actualizaciones: %3 · Duplicados: %4 · Omitidas: %5 · Con errores: %6</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“Import” is disabled: nothing is saved while any row has a problem (rows with problems: %1). Fix the file and check it again, or tick “Only the valid rows” to import the rest.</source>
        <translation>«Importar» está desactivado: no se guarda nada mientras alguna fila tenga un problema (filas con problemas: %1). Corrija el archivo y revíselo de nuevo, o marque «Sólo las filas válidas» para importar las demás.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save error report</source>
        <translation>Guardar informe de errores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Report saved: %1</source>
        <translation>Informe guardado: %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="+46"/>
        <source>Print</source>
        <extracomment>Resolution the pages are rendered at: sharp text and QR codes on an office laser printer, about 35 MB for a Letter page in memory.</extracomment>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not read “%1” to print it.</source>
        <translation>No se pudo leer «%1» para imprimirlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The page range asked for is not in the document.</source>
        <translation>El intervalo de páginas pedido no está en el documento.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not start printing on “%1”.</source>
        <translation>No se pudo empezar a imprimir en «%1».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printing cancelled.</source>
        <translation>Impresión cancelada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printing page %1 of %2…</source>
        <translation>Imprimiendo la página %1 de %2…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>“%1” was sent to the printer.</source>
        <translation>«%1» se envió a la impresora.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printing “%1”…</source>
        <translation>Imprimiendo «%1»…</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../ui/members/form_privacy.py" line="+29"/>
        <source>Printed directories include a member only with their consent, and then only the contact data ticked below. Record when and how the consent was given.</source>
        <translation>Los directorios impresos incluyen a un miembro solo con su consentimiento, y solo con los datos de contacto marcados abajo. Registre cuándo y cómo se dio el consentimiento.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printed directories</source>
        <translation>Directorios impresos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Appears in printed directories</source>
        <translation>&amp;Aparece en directorios impresos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+36"/>
        <source>May print</source>
        <translation>Se puede imprimir</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Record of the consent</source>
        <translation>Registro del consentimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. registration form, e-mail of 12/03/2024</source>
        <translation>p. ej. formulario de registro, correo del 12/03/2024</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consent &amp;date</source>
        <translation>&amp;Fecha del consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent s&amp;ource</source>
        <translation>&amp;Origen del consentimiento</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Objection (do not contact)</source>
        <translation>Oposición (no contactar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do &amp;not contact this member</source>
        <translation>&amp;No contactar a este miembro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The member objected to being contacted: they are left out of directories, copies that leave IME and invitation lists.</source>
        <translation>El miembro se opuso a ser contactado: queda fuera de directorios, copias que salen del IME y listas de invitación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History of the consent</source>
        <translation>Historial del consentimiento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Through</source>
        <translation>Medio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In directories</source>
        <translation>En directorios</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent date</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stated source</source>
        <translation>Origen declarado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No consent recorded yet. Each change of the consent will be listed here.</source>
        <translation>Aún no hay consentimiento registrado. Cada cambio del consentimiento aparecerá aquí.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rights of the member (ARCO)</source>
        <translation>Derechos del miembro (ARCO)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access: a PDF and a JSON file with everything held about the member. Rectification: this form. Cancellation: anonymize the member for good. Objection: “Do not contact” above.</source>
        <translation>Acceso: un PDF y un archivo JSON con todo lo que se guarda del miembro. Rectificación: esta ficha. Cancelación: anonimizar al miembro para siempre. Oposición: «No contactar», arriba.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xport personal data…</source>
        <translation>E&amp;xportar datos de la persona…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anon&amp;ymize…</source>
        <translation>Anonimi&amp;zar…</translation>
    </message>
</context>
<context>
    <name>ProgramBoard</name>
    <message>
        <location filename="../../ui/vinculacion/board.py" line="+106"/>
        <source>Move the chosen program to:</source>
        <translation>Pasar el programa elegido a:</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <location filename="../../ui/vinculacion/programs.py" line="-74"/>
        <source>New program</source>
        <translation>Nuevo programa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Program “%1”</source>
        <translation>Programa «%1»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Title</source>
        <translation>Tít&amp;ulo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;PNCS in charge</source>
        <translation>P&amp;NCS responsable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sec&amp;tors</source>
        <translation>&amp;Sectores</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Status</source>
        <translation>&amp;Estatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Starts on</source>
        <translation>&amp;Inicia el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ends on</source>
        <translation>Ter&amp;mina el</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Organizations</source>
        <translation>&amp;Organizaciones</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hapters</source>
        <translation>&amp;Capítulos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
</context>
<context>
    <name>ProgramsList</name>
    <message>
        <location line="-438"/>
        <location line="+30"/>
        <source>Programs</source>
        <translation>Programas</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+171"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="-170"/>
        <location line="+171"/>
        <location line="+58"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Years</source>
        <translation>Años</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+167"/>
        <source>PNCS</source>
        <translation>PNCS</translation>
    </message>
    <message>
        <location line="-166"/>
        <location line="+238"/>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="-237"/>
        <location line="+241"/>
        <source>Outcomes</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="-235"/>
        <source>Search by title, kind, PNCS, organization or chapter…</source>
        <translation>Buscar por título, tipo, PNCS, organización o capítulo…</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n program(s)</source>
        <translation>
            <numerusform>%n programa</numerusform>
            <numerusform>%n programas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1 of %n program(s)</source>
        <translation>
            <numerusform>%1 de %n programa</numerusform>
            <numerusform>%1 de %n programas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New program…</source>
        <translation>&amp;Nuevo programa…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete program</source>
        <translation>Eliminar programa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the program “%1” with its people, outcomes and status history? You can undo it with Ctrl+Z.</source>
        <translation>¿Eliminar el programa «%1» con sus personas, resultados e historial de estatus? Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All statuses</source>
        <translation>Todos los estatus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;List</source>
        <extracomment>Filters given from elsewhere (a Tablero bar), kept until a filter is changed here.</extracomment>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Board by status</source>
        <translation>Ta&amp;blero por estado</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All sectors</source>
        <translation>Todos los sectores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All years</source>
        <translation>Todos los años</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select a program to see its people, outcomes and history.</source>
        <translation>Elija un programa para ver sus personas, resultados e historial.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organizations</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change &amp;status</source>
        <translation>Cambiar e&amp;status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add person…</source>
        <translation>&amp;Agregar persona…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remo&amp;ve person…</source>
        <translation>&amp;Quitar persona…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport people…</source>
        <translation>E&amp;xportar personas…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Narrative</source>
        <translation>Narrativa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add &amp;outcome…</source>
        <translation>Agregar res&amp;ultado…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove o&amp;utcome…</source>
        <translation>Quitar resu&amp;ltado…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Status history</source>
        <translation>Historial de estatus</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Move to…</source>
        <translation>Pasar a…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Remove %1 (%2) from “%3”?</source>
        <translation>¿Quitar a %1 (%2) de «%3»?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove person</source>
        <translation>Quitar persona</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>People of the program “%1”: %n person(s).</source>
        <translation>
            <numerusform>Personas del programa «%1»: %n persona.</numerusform>
            <numerusform>Personas del programa «%1»: %n personas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove the outcome “%1: %2”?</source>
        <translation>¿Quitar el resultado «%1: %2»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove outcome</source>
        <translation>Quitar resultado</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/qt_wording.py" line="+37"/>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <translation>Carpeta de archivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>Acceso directo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>Archivo %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-30"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Tipo de archivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>Tipo de archivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>El archivo %1 ya existe.
¿Desea reemplazarlo?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
No se encontró el archivo.
Verifique que el nombre del archivo sea correcto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 es una carpeta.
Elija otro nombre de archivo.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="+2"/>
        <source>Invalid filename</source>
        <translation>Nombre de archivo no válido</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;No se puede usar el nombre «%1».&lt;/b&gt;&lt;p&gt;Pruebe con otro nombre, más corto o sin signos de puntuación.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="+11"/>
        <source>Don&apos;t Save</source>
        <translation>No guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without Saving</source>
        <translation>Cerrar sin guardar</translation>
    </message>
</context>
<context>
    <name>RecordArea</name>
    <message>
        <location filename="../../ui/record_area.py" line="+253"/>
        <source>&amp;Edit…</source>
        <translation>E&amp;ditar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this table as a spreadsheet, as it is shown: filter, order and columns (Ctrl+E)</source>
        <translation>Guardar esta tabla como hoja de cálculo, tal como se ve: filtro, orden y columnas (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the table as shown…</source>
        <translation>Exportar la tabla como se ve…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/backups.py" line="-196"/>
        <location line="+164"/>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Backups of this database, newest first (in %1). Restoring replaces the whole database with the chosen copy; what is there now is saved first as another backup.</source>
        <translation>Copias de seguridad de esta base de datos, la más reciente primero (en %1). Restaurar reemplaza toda la base de datos por la copia elegida; lo que hay ahora se guarda antes como otra copia.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the backups…</source>
        <translation>Leyendo las copias de seguridad…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save rule</source>
        <translation>Guardar regla</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daily backups kept (one per day):</source>
        <translation>Copias diarias que se conservan (una por día):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly backups kept (one per week):</source>
        <translation>Copias semanales que se conservan (una por semana):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every automatic backup of the last 24 hours is kept too; manual backups are never deleted. Automatic backups are taken on the first start of each day and before every schema update, import and restore.</source>
        <translation>También se conservan todas las copias automáticas de las últimas 24 horas; las manuales nunca se borran. Las copias automáticas se toman al abrir TalentDesk por primera vez cada día y antes de cada actualización del esquema, importación y restauración.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other &amp;file…</source>
        <translation>Otro &amp;archivo…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Built-in backups are for SQLite databases; use the server&apos;s tools.</source>
        <translation>Las copias integradas son para bases de datos SQLite; use las herramientas del servidor.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n copia de seguridad.</numerusform>
            <numerusform>%n copias de seguridad.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There are no backups of this database yet.</source>
        <translation>Todavía no hay copias de seguridad de esta base de datos.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Restore the backup of %1 (%2 members)?

The database is replaced by that copy: changes made after %1 are no longer in it. The current content is saved first as a backup (“before restoring”), so this can be undone by restoring that one.</source>
        <translation>¿Restaurar la copia del %1 (%2 miembros)?

La base de datos se reemplaza por esa copia: los cambios hechos después del %1 ya no estarán. El contenido actual se guarda antes como copia («antes de restaurar»), así que se puede deshacer restaurando esa.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore from a file</source>
        <translation>Restaurar desde un archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TalentDesk databases (*.sqlite *.db)</source>
        <translation>Bases de datos de TalentDesk (*.sqlite *.db)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore the database from «%1»?

The database is replaced by that copy; the current content is saved first as a backup.</source>
        <translation>¿Restaurar la base de datos desde «%1»?

La base de datos se reemplaza por esa copia; el contenido actual se guarda antes como copia de seguridad.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rule saved: it applies from the next backup.</source>
        <translation>Regla guardada: se aplica desde la próxima copia.</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../ui/exports/result.py" line="+43"/>
        <source>Open &amp;file</source>
        <translation>Abrir &amp;archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open f&amp;older</source>
        <translation>Abrir &amp;carpeta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved in the folder “%1”.</source>
        <translation>Guardado en la carpeta «%1».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved “%1”.</source>
        <translation>Se guardó «%1».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder: %1</source>
        <translation>Carpeta: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/events/review.py" line="+24"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Double-click a problem (or press Enter) to go to its record.</source>
        <translation>Haga doble clic en un problema (o pulse Intro) para ir a su registro.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n problem(s) found in the plan of this event.</source>
        <translation>
            <numerusform>Se encontró %n problema en el plan de este evento.</numerusform>
            <numerusform>Se encontraron %n problemas en el plan de este evento.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems found: the plan looks consistent.</source>
        <translation>No se encontraron problemas: el plan es consistente.</translation>
    </message>
</context>
<context>
    <name>SavedListsModel</name>
    <message>
        <location filename="../../ui/members/saved_lists.py" line="+65"/>
        <source>%1 (%2)</source>
        <extracomment>Member documents whose audience a list can be (the statistics count groups, not people).</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Fixed list: %n chosen member(s)</source>
        <translation>
            <numerusform>Lista fija: %n miembro elegido</numerusform>
            <numerusform>Lista fija: %n miembros elegidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved search, run again when opened: %1</source>
        <translation>Búsqueda guardada, se vuelve a ejecutar al abrirla: %1</translation>
    </message>
</context>
<context>
    <name>SavedListsPanel</name>
    <message>
        <location line="+30"/>
        <source>Saved lists</source>
        <translation>Listas guardadas</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+62"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+62"/>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+62"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+64"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Save search…</source>
        <translation>Guardar búsqueda…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save selection…</source>
        <translation>Guardar selección…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Rename list</source>
        <translation>Renombrar lista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the list “%1”? Its members stay in the network. You can undo it with Ctrl+Z.</source>
        <translation>¿Eliminar la lista «%1»? Sus miembros siguen en la Red. Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete list</source>
        <translation>Eliminar lista</translation>
    </message>
</context>
<context>
    <name>SectorDialog</name>
    <message>
        <location filename="../../ui/sectors.py" line="-32"/>
        <source>Sector %1</source>
        <translation>Sector %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact &amp;institution</source>
        <translation>&amp;Institución de contacto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
</context>
<context>
    <name>SectorPicker</name>
    <message>
        <location filename="../../ui/members/form_pages.py" line="+92"/>
        <source>P&amp;rimary:</source>
        <translation>P&amp;rincipal:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(tick a sector first)</source>
        <translation>(marque primero un sector)</translation>
    </message>
</context>
<context>
    <name>SectorsArea</name>
    <message>
        <location filename="../../ui/sectors.py" line="-143"/>
        <source>The nine sectors of the National Sector Contact Points (PNCS): the institution that coordinates each one and the people to contact.</source>
        <translation>Los nueve sectores de los Puntos Nacionales de Contacto Sectorial (PNCS): la institución que coordina cada uno y las personas de contacto.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No.</source>
        <translation>Núm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source>Contact institution</source>
        <translation>Institución de contacto</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Select a sector to see its contacts.</source>
        <translation>Seleccione un sector para ver sus contactos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>&amp;Edit sector…</source>
        <translation>&amp;Editar sector…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Contact people</source>
        <translation>Personas de contacto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add contact…</source>
        <translation>&amp;Agregar contacto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit c&amp;ontact…</source>
        <translation>Editar c&amp;ontacto…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove contact…</source>
        <translation>&amp;Quitar contacto…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Sectors and PNCS</source>
        <translation>Sectores y PNCS</translation>
    </message>
    <message numerus="yes">
        <location line="+108"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Remove %1 from the contacts of “%2”? You can undo it with Ctrl+Z.</source>
        <translation>¿Quitar a %1 de los contactos de «%2»? Puede deshacerlo con Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove contact</source>
        <translation>Quitar contacto</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../ui/events/agenda.py" line="+105"/>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session “%1”</source>
        <translation>Sesión «%1»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no room)</source>
        <translation>(sin sala)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Starts</source>
        <translation>&amp;Empieza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ends</source>
        <translation>&amp;Termina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Room</source>
        <translation>&amp;Sala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;peakers</source>
        <translation>&amp;Ponentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Moderator</source>
        <translation>&amp;Moderador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descr&amp;iption</source>
        <translation>Descr&amp;ipción</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the day as dd/mm/yyyy.</source>
        <translation>Escriba el día como dd/mm/aaaa.</translation>
    </message>
</context>
<context>
    <name>SpeakerList</name>
    <message>
        <location line="-107"/>
        <source>Filter participants…</source>
        <translation>Filtrar participantes…</translation>
    </message>
</context>
<context>
    <name>TalentPanel</name>
    <message>
        <location filename="../../ui/vinculacion/talent.py" line="+88"/>
        <source>e.g. biotechnology, vaccines</source>
        <translation>p. ej. biotecnología, vacunas</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+135"/>
        <location line="+1"/>
        <source>(any)</source>
        <translation>(cualquiera)</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>e.g. en, fr</source>
        <translation>p. ej. inglés, francés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include &amp;inactive members</source>
        <translation>Incluir miembros i&amp;nactivos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Diverse: few from one employer or chapter</source>
        <translation>Di&amp;versa: pocos de un mismo empleador o capítulo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear</source>
        <translation>&amp;Limpiar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For &amp;need</source>
        <translation>Para la &amp;solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sec&amp;tors</source>
        <translation>Sec&amp;tores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords</source>
        <translation>&amp;Palabras clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ountry</source>
        <translation>P&amp;aís</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cit&amp;y</source>
        <translation>Ciu&amp;dad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hapter</source>
        <translation>&amp;Capítulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;ntribution</source>
        <translation>Aporta&amp;ción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Least de&amp;gree</source>
        <translation>&amp;Estudios mínimos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Languages</source>
        <translation>&amp;Idiomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is wanted</source>
        <translation>A quién se busca</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Score</source>
        <translation>Puntaje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+122"/>
        <source>Give some criteria, or choose a need, then Search.</source>
        <translation>Indique criterios, o elija una solicitud, y oprima Buscar.</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Add to the need’s &amp;candidates</source>
        <translation>Agregar a los candidat&amp;os de la solicitud</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add to the &amp;program</source>
        <translation>Agregar al pro&amp;grama</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In&amp;vite to the Jornada</source>
        <translation>In&amp;vitar a la Jornada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport list…</source>
        <translation>E&amp;xportar lista…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as a &amp;list…</source>
        <translation>Guardar como &amp;lista…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this search with a name: the members area shows it, ranked again when opened</source>
        <translation>Guarda esta búsqueda con un nombre: aparece en Miembros y se vuelve a ordenar al abrirla</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>(typed criteria)</source>
        <translation>(criterios escritos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a need…</source>
        <translation>Elija una solicitud…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a program…</source>
        <translation>Elija un programa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a Jornada…</source>
        <translation>Elija una Jornada…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 of %n ranked member(s), best first.</source>
        <translation>
            <numerusform>%1 de %n miembro ordenado, el mejor primero.</numerusform>
            <numerusform>%1 de %n miembros ordenados, los mejores primero.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n left out (asked not to be contacted, anonymized or inactive).</source>
        <translation>
            <numerusform>%n excluido (pidió no ser contactado, anonimizado o inactivo).</numerusform>
            <numerusform>%n excluidos (pidieron no ser contactados, anonimizados o inactivos).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No member meets any criterion.</source>
        <translation>Ningún miembro cumple algún criterio.</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>The first %n ranked member(s) for the criteria shown, best first.</source>
        <translation>
            <numerusform>%n miembro por puntaje para los criterios mostrados.</numerusform>
            <numerusform>Los primeros %n miembros por puntaje para los criterios mostrados, del mejor al último.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save search as a list</source>
        <translation>Guardar búsqueda como lista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the list:</source>
        <translation>Nombre de la lista:</translation>
    </message>
</context>
<context>
    <name>TargetField</name>
    <message>
        <location filename="../../ui/exports/target.py" line="+62"/>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other accounts on this computer may &amp;read the file</source>
        <translation>Otras cuentas de este equipo pueden &amp;leer el archivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exports hold personal data, so only your account can open them. Tick this only for a folder other people of the office open with their own accounts.</source>
        <translation>Las exportaciones contienen datos personales: sólo su cuenta puede abrirlas. Marque esta casilla sólo para una carpeta que otras personas de la oficina abren con sus propias cuentas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save in the &amp;folder:</source>
        <translation>Guardar en la &amp;carpeta:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;as:</source>
        <translation>Guardar &amp;como:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Folder for the files</source>
        <translation>Carpeta para los archivos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Type where to save it, or choose a place with Browse…</source>
        <translation>Escriba dónde guardarlo, o elija un lugar con Examinar…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1” is a file: type the name of a folder.</source>
        <translation>«%1» es un archivo: escriba el nombre de una carpeta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file name must end in %1.</source>
        <translation>El nombre del archivo debe terminar en %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is a folder: type a file name.</source>
        <translation>«%1» es una carpeta: escriba un nombre de archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder “%1” does not exist.</source>
        <translation>No existe la carpeta «%1».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace file</source>
        <translation>Reemplazar archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” already exists. Replace it?</source>
        <translation>«%1» ya existe. ¿Reemplazarlo?</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/events/materials.py" line="+41"/>
        <source>New task</source>
        <translation>Nueva tarea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task “%1”</source>
        <translation>Tarea «%1»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Task</source>
        <translation>&amp;Tarea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due on</source>
        <translation>&amp;Vence el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Responsible</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estatus</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/tasks.py" line="+179"/>
        <location line="+9"/>
        <source>TalentDesk</source>
        <translation>TalentDesk</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TravelDialog</name>
    <message>
        <location filename="../../ui/events/participants.py" line="+94"/>
        <source>Travel — %1</source>
        <translation>Viaje — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arrival &amp;flight</source>
        <translation>&amp;Vuelo de llegada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival airline</source>
        <translation>Aerolínea de llegada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arrives at</source>
        <translation>&amp;Llega el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival airport</source>
        <translation>Aeropuerto de llegada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival terminal</source>
        <translation>Terminal de llegada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Departure flight</source>
        <translation>Vuelo de &amp;regreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departure airline</source>
        <translation>Aerolínea de regreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;parts at</source>
        <translation>&amp;Sale el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departure airport</source>
        <translation>Aeropuerto de regreso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departure terminal</source>
        <translation>Terminal de regreso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needs a transfer from the airport</source>
        <translation>Necesita traslado desde el aeropuerto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type the date and time as dd/mm/yyyy hh:mm.</source>
        <translation>Escriba la fecha y hora como dd/mm/aaaa hh:mm.</translation>
    </message>
</context>
<context>
    <name>VinculacionArea</name>
    <message>
        <location filename="../../ui/vinculacion/area.py" line="+26"/>
        <source>&amp;Programs</source>
        <translation>&amp;Programas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Needs</source>
        <translation>&amp;Solicitudes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;talent</source>
        <translation>Buscar &amp;talento</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vinculación</source>
        <translation>Vinculación</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../ui/members/welcome.py" line="+24"/>
        <source>Welcome to TalentDesk</source>
        <translation>Le damos la bienvenida a TalentDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This database has no members yet. Import them from a spreadsheet (Excel or CSV), add them one by one, or load generated demo data to try every area first: demo data belongs to no real person.</source>
        <translation>Esta base de datos aún no tiene miembros. Impórtelos de una hoja de cálculo (Excel o CSV), agréguelos uno por uno o cargue datos de demostración generados para probar primero cada área: los datos de demostración no pertenecen a ninguna persona real.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import members…</source>
        <translation>&amp;Importar miembros…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New member</source>
        <translation>&amp;Nuevo miembro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;demo data</source>
        <translation>Cargar datos de &amp;demostración</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <location filename="../../ui/members/form_pages.py" line="+98"/>
        <source>(not stated)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the member studied</source>
        <translation>Dónde estudió</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. español, inglés, alemán</source>
        <translation>p. ej. español, inglés, alemán</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expertise and keywords people search by</source>
        <translation>Especialidad y palabras clave con las que se le busca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Degree level</source>
        <translation>&amp;Grado académico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Field of study</source>
        <translation>Área de &amp;estudio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Institution</source>
        <translation>&amp;Institución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Employer</source>
        <translation>&amp;Empleador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Job title</source>
        <translation>&amp;Puesto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Languages</source>
        <translation>Id&amp;iomas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpertise / keywords</source>
        <translation>E&amp;specialidad / palabras clave</translation>
    </message>
</context>
</TS>
