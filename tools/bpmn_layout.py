#!/usr/bin/env python3
"""Writes the BPMN diagram (DI) of a hand-written model from a table of positions.
Usage: tools/bpmn_layout.py processes/X.bpmn tools/X.layout  (rewrites the file's BPMNDiagram).
Layout file lines: <elementId> <centreX> <centreY> [w h]   or   <flowId> x1,y1 x2,y2 ...  (explicit waypoints)."""
import re, sys, xml.etree.ElementTree as ET

NS = {'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL'}
path, layout_path = sys.argv[1], sys.argv[2]
text = open(path, encoding='utf-8').read()
text = re.sub(r'\s*<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>', '', text, flags=re.S)
root = ET.fromstring(text.encode('utf-8'))
process = root.find('bpmn:process', NS)

sizes = {'startEvent': (36, 36), 'endEvent': (36, 36), 'intermediateCatchEvent': (36, 36), 'boundaryEvent': (36, 36),
         'exclusiveGateway': (50, 50), 'eventBasedGateway': (50, 50), 'parallelGateway': (50, 50)}
pos, waypoints = {}, {}
for line in open(layout_path, encoding='utf-8'):
    line = line.split('#')[0].split()
    if not line:
        continue
    if ',' in line[1]:
        waypoints[line[0]] = [tuple(map(int, p.split(','))) for p in line[1:]]
    else:
        pos[line[0]] = list(map(int, line[1:]))

nodes, flows, expanded = {}, [], set()
def walk(el):
    for child in el:
        tag = child.tag.split('}')[1]
        if tag == 'sequenceFlow':
            flows.append((child.get('id'), child.get('sourceRef'), child.get('targetRef')))
        elif child.get('id') and tag not in ('documentation', 'extensionElements', 'incoming', 'outgoing',
                                            'conditionExpression') and not tag.endswith('Definition'):
            nodes[child.get('id')] = tag
            if tag == 'subProcess':
                expanded.add(child.get('id'))
                walk(child)
walk(process)

bounds = {}
for nid, tag in nodes.items():
    if nid not in pos:
        sys.exit('no position for ' + nid)
    p = pos[nid]
    w, h = (p[2], p[3]) if len(p) == 4 else sizes.get(tag, (100, 80))
    bounds[nid] = (p[0] - w // 2, p[1] - h // 2, w, h)

def centre(n):
    x, y, w, h = bounds[n]
    return x + w // 2, y + h // 2

def route(src, tgt):
    sx, sy, sw, sh = bounds[src]
    tx, ty, tw, th = bounds[tgt]
    scx, scy = centre(src)
    tcx, tcy = centre(tgt)
    if nodes[src] == 'boundaryEvent':
        start = (scx, sy + sh)
        return [start, (start[0], tcy), (tx, tcy)] if tcx > scx + 5 else [start, (scx, ty)]
    if abs(scy - tcy) < 2:
        return [(sx + sw, scy), (tx, tcy)] if tcx > scx else [(sx, scy), (tx + tw, tcy)]
    if 'Gateway' in nodes[src] or nodes[src].endswith('Gateway'):
        start = (scx, sy if tcy < scy else sy + sh)
        if abs(tcx - scx) < 2:
            return [start, (tcx, ty + th if tcy < scy else ty)]
        return [start, (scx, tcy), (tx if tcx > scx else tx + tw, tcy)]
    end = (tcx, ty + th) if tcy < scy else (tcx, ty)
    if 'Gateway' in nodes[tgt] or nodes[tgt].endswith('Gateway'):
        return [(sx + sw, scy), (tcx, scy), end]
    mid = (sx + sw + tx) // 2
    return [(sx + sw, scy), (mid, scy), (mid, tcy), (tx, tcy)]

out = ['  <bpmndi:BPMNDiagram id="BPMNDiagram_%s">' % process.get('id'),
       '    <bpmndi:BPMNPlane id="BPMNPlane_%s" bpmnElement="%s">' % (process.get('id'), process.get('id'))]
ordered = sorted(nodes, key=lambda n: 0 if n in expanded else (2 if nodes[n] == 'boundaryEvent' else 1))
for nid in ordered:
    x, y, w, h = bounds[nid]
    extra = ' isExpanded="true"' if nid in expanded else ''
    extra += ' isMarkerVisible="true"' if nodes[nid] == 'exclusiveGateway' else ''
    out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s>' % (nid, nid, extra))
    out.append('        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />' % (x, y, w, h))
    out.append('      </bpmndi:BPMNShape>')
for fid, s, t in flows:
    pts = waypoints.get(fid) or route(s, t)
    out.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">' % (fid, fid))
    for px, py in pts:
        out.append('        <di:waypoint x="%d" y="%d" />' % (px, py))
    out.append('      </bpmndi:BPMNEdge>')
out += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>']
text = text.replace('</bpmn:definitions>', '\n'.join(out) + '\n</bpmn:definitions>')
open(path, 'w', encoding='utf-8').write(text)
print('laid out %d shapes, %d edges' % (len(nodes), len(flows)))
